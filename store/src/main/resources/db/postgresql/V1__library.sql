-- The first schema of a Mapwork library on PostgreSQL: db/migration's V1 in PostgreSQL's words (BYTEA for H2's
-- BINARY VARYING; timestamps to the microsecond, PostgreSQL's finest). Every later migration is db/migration's own,
-- copied here by the build (store/pom.xml, docs/adr/0019). Never edit a released migration: add V<n+1> there.

CREATE TABLE library_info (
    name    VARCHAR(100) PRIMARY KEY,
    content VARCHAR(4000) NOT NULL
);

CREATE TABLE workshop (
    id      VARCHAR(128) PRIMARY KEY,
    name    VARCHAR(1000) NOT NULL,
    created TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE team (
    id          VARCHAR(128) PRIMARY KEY,
    workshop_id VARCHAR(128) NOT NULL REFERENCES workshop (id),
    name        VARCHAR(1000) NOT NULL,
    created     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT team_name_unique UNIQUE (workshop_id, name)
);

CREATE TABLE map (
    id            VARCHAR(128) PRIMARY KEY,
    title         VARCHAR(1000) NOT NULL,
    initial_title VARCHAR(1000) NOT NULL,
    method        VARCHAR(200) NOT NULL,
    workshop_id   VARCHAR(128) REFERENCES workshop (id),
    team_id       VARCHAR(128) REFERENCES team (id),
    created       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    head_revision BIGINT NOT NULL
);

-- The change log, ordered per map: the primary key (map_id, revision) is what refuses a second change set at the
-- same place of a map's order, whichever connection (or hub node) writes it.
CREATE TABLE change_set (
    map_id       VARCHAR(128) NOT NULL REFERENCES map (id),
    revision     BIGINT NOT NULL,
    time         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    max_seq      BIGINT NOT NULL,
    origin       VARCHAR(20) NOT NULL,
    summary      VARCHAR(2000) NOT NULL,
    change_count INTEGER NOT NULL,
    body         CHARACTER VARYING NOT NULL,
    PRIMARY KEY (map_id, revision)
);

CREATE TABLE snapshot (
    map_id   VARCHAR(128) NOT NULL REFERENCES map (id),
    revision BIGINT NOT NULL,
    taken    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    body     BYTEA NOT NULL,
    PRIMARY KEY (map_id, revision)
);
