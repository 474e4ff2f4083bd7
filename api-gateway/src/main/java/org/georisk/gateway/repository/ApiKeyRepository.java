package org.georisk.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepository<ApiKey> {

    public Optional<ApiKey> findByHash(String keyHash) {
        return find("keyHash", keyHash).firstResultOptional();
    }

    public long deleteDevelopmentKeys() {
        return delete("development", true);
    }
}
