-- Who worked on each map: change sets and the last sequence number per actor, so that opening a map knows where
-- a session's counter continues and "show" lists the contributors without reading the whole log.
CREATE TABLE map_actor (
    map_id      VARCHAR(128) NOT NULL REFERENCES map (id),
    actor       VARCHAR(200) NOT NULL,
    last_seq    BIGINT NOT NULL,
    change_sets BIGINT NOT NULL,
    last_time   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (map_id, actor)
);

INSERT INTO map_actor (map_id, actor, last_seq, change_sets, last_time)
SELECT map_id, actor, MAX(max_seq), COUNT(*), MAX(time)
FROM change_set
GROUP BY map_id, actor;
