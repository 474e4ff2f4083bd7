-- The (pair, version) markers are gone: the pair state's version, written in the same transaction as the alerts under
-- the pair's row lock, recognises a redelivered assessment by itself (notification-service/README.md). The table
-- grew by one row per assessment and was never pruned.
drop table processed_assessment;
