-- The first schema of a Mapwork library. Never edit a released migration: add V<n+1>__what.sql instead.

-- Facts about this library, e.g. the id of the person editing on this device ('actor').
CREATE TABLE library_info (
    name  VARCHAR(100) PRIMARY KEY,
    content VARCHAR(4000) NOT NULL
);

-- A workshop runs over several sessions; its teams draw maps.
CREATE TABLE workshop (
    id      VARCHAR(128) PRIMARY KEY,
    name    VARCHAR(1000) NOT NULL,
    created TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE TABLE team (
    id          VARCHAR(128) PRIMARY KEY,
    workshop_id VARCHAR(128) NOT NULL REFERENCES workshop (id),
    name        VARCHAR(1000) NOT NULL,
    created     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT team_name_unique UNIQUE (workshop_id, name)
);

-- One map. Revision 0 is the empty map (id, initial title, method, created); revision n is the map after the
-- n-th logged change set. A map may stand alone (no workshop), belong to a workshop, or to one of its teams.
CREATE TABLE map (
    id            VARCHAR(128) PRIMARY KEY,
    title         VARCHAR(1000) NOT NULL,
    initial_title VARCHAR(1000) NOT NULL,
    method        VARCHAR(200) NOT NULL,
    workshop_id   VARCHAR(128) REFERENCES workshop (id),
    team_id       VARCHAR(128) REFERENCES team (id),
    created       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    head_revision BIGINT NOT NULL
);

-- The change log: every applied change set of every map, in order, as JSON (see ChangeSetCodec).
CREATE TABLE change_set (
    map_id       VARCHAR(128) NOT NULL REFERENCES map (id),
    revision     BIGINT NOT NULL,
    time         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    max_seq      BIGINT NOT NULL,
    origin       VARCHAR(20) NOT NULL,
    summary      VARCHAR(2000) NOT NULL,
    change_count INTEGER NOT NULL,
    body         CHARACTER VARYING NOT NULL,
    PRIMARY KEY (map_id, revision)
);

-- The whole document now and then, so that opening a map replays only the tail of its log.
-- body: the native JSON (MapJson), gzip-compressed.
CREATE TABLE snapshot (
    map_id   VARCHAR(128) NOT NULL REFERENCES map (id),
    revision BIGINT NOT NULL,
    taken    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    body     BINARY VARYING NOT NULL,
    PRIMARY KEY (map_id, revision)
);
