-- The databases docker-compose.yml's services use, one per bounded context: the gateway's, the
-- ticket context's (shared by ticket-store and redaction-worker), analytics', and the key vault (transit
-- keys, shared by the services that seal or open clean topics). The postgres image
-- runs this once, when it initialises an empty data volume; tables come from migrations (stack-init).
CREATE DATABASE sieve_ingest;
CREATE DATABASE sieve_tickets;
CREATE DATABASE sieve_analytics;
CREATE DATABASE sieve_keys;
