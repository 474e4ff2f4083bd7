package org.georisk.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepository<ApiKey> {

    public Optional<ApiKey> findByHash(String keyHash) {
        return find("keyHash", keyHash).firstResultOptional();
    }

    /** The owner is the key's name (unique since V2). */
    public Optional<ApiKey> findByName(String name) {
        return find("owner", name).firstResultOptional();
    }

    public List<ApiKey> listByName() {
        return listAll(Sort.by("owner"));
    }

    public boolean deleteByName(String name) {
        return delete("owner", name) > 0;
    }

    public long deleteDevelopmentKeys() {
        return delete("development", true);
    }
}
