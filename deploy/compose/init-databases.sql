-- The databases docker-compose.yml's services use, one per bounded context: the gateway's, and the
-- ticket context's (shared by ticket-store and redaction-worker). The postgres image runs this once,
-- when it initialises an empty data volume; tables come from migrations (the stack-init service).
CREATE DATABASE sieve_ingest;
CREATE DATABASE sieve_tickets;
