-- Run once by the postgres image on an empty volume (docker-compose.yml mounts it into
-- /docker-entrypoint-initdb.d): one database per service that stores, as Databases.ALL in local-infra.
-- The schemas are the services' own Flyway migrations, applied when each service starts.
CREATE DATABASE georisk_ingest;
CREATE DATABASE georisk_assessment;
CREATE DATABASE georisk_notification;
CREATE DATABASE georisk_gateway;
