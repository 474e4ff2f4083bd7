package org.georisk.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.georisk.contracts.Subscription;
import org.georisk.contracts.SubscriptionRequest;
import org.georisk.notification.mapping.SubscriptionMapper;
import org.georisk.notification.repository.SubscriptionEntity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Subscriptions of one owner; another owner's subscription is reported as not found, never as forbidden. */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionValidator validator;
    private final SubscriptionMapper mapper;

    public SubscriptionService(SubscriptionValidator validator, SubscriptionMapper mapper) {
        this.validator = validator;
        this.mapper = mapper;
    }

    @Transactional
    public Subscription create(String owner, SubscriptionRequest request) {
        SubscriptionEntity entity = mapper.toEntity(validator.validate(request), owner, Instant.now());
        entity.persist();
        return mapper.toContract(entity);
    }

    @Transactional
    public List<Subscription> list(String owner) {
        return SubscriptionEntity.ownedBy(owner).stream().map(mapper::toContract).toList();
    }

    @Transactional
    public Subscription get(String owner, UUID id) {
        return mapper.toContract(owned(owner, id));
    }

    @Transactional
    public void delete(String owner, UUID id) {
        owned(owner, id).delete();
    }

    private static SubscriptionEntity owned(String owner, UUID id) {
        return SubscriptionEntity.findOwned(id, owner)
                .orElseThrow(() -> ProblemException.notFound("No subscription " + id + "."));
    }
}
