package org.georisk.notification.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name → addresses; the system's DNS in production, a scripted one (e.g. a rebinding name) in tests. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
