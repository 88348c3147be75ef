-- Maps this device holds as a member of a shared map (joined through a hub, docs/protocol.md). The map's revisions
-- are the hub's order as this device confirmed it: each change set applied from the hub is tagged with the hub's id
-- and its server sequence number, in the same transaction as the revision, so the two never disagree after a crash.
ALTER TABLE change_set ADD COLUMN hub_id VARCHAR(200);
ALTER TABLE change_set ADD COLUMN server_seq BIGINT;
-- the entry's clientSeq (the first sequence number its author submitted; the change set may lack dropped changes)
ALTER TABLE change_set ADD COLUMN client_seq BIGINT;

-- One row per shared map held here: the hub's address without its join token (the token is kept in an owner-only
-- file under shares/), who edits it on this device, and where the confirmed map stood when that was not a tagged
-- revision (the join, or a snapshot equal to what the device had): base_seq of hub_id at base_revision.
-- last_seq: the highest sequence number this device's actor has used on the map (its outbox may have been refused).
CREATE TABLE shared_map (
    map_id        VARCHAR(128) PRIMARY KEY REFERENCES map (id),
    address       VARCHAR(2000) NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    name          VARCHAR(1000) NOT NULL,
    hub_id        VARCHAR(200) NOT NULL,
    base_seq      BIGINT NOT NULL,
    base_revision BIGINT NOT NULL,
    last_seq      BIGINT NOT NULL,
    joined        TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

-- The outbox: change sets made on this device that the hub has not confirmed yet, in the order made, named by the
-- sequence number of their first change. body: the change set in the collaboration wire form (self-describing).
CREATE TABLE shared_outbox (
    map_id      VARCHAR(128) NOT NULL REFERENCES shared_map (map_id),
    first_seq   BIGINT NOT NULL,
    conditional BOOLEAN NOT NULL,
    body        CHARACTER VARYING NOT NULL,
    PRIMARY KEY (map_id, first_seq)
);
