package org.mapwork.store;

import java.time.Clock;
import java.util.List;

import org.mapwork.model.Ids;

/** The library's workshops and their teams, and which of them a map belongs to. */
final class Workshops {

    private final LibraryDatabase database;
    private final Clock clock;

    Workshops(LibraryDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    Workshop createWorkshop(String name) {
        Workshop w = new Workshop(Ids.newId("w"), requireName(name), clock.instant());
        add(w);
        return w;
    }

    Team createTeam(String workshopId, String name) {
        Team t = new Team(Ids.newId("t"), workshopId, requireName(name), clock.instant());
        add(t);
        return t;
    }

    /** Adds a workshop as it is (id and time included), e.g. from a backup or a snapshot file. */
    void add(Workshop w) {
        database.write(c -> {
            LogStore.insertWorkshop(c, w);
            return null;
        });
    }

    /** Adds a team as it is (id and time included). */
    void add(Team t) {
        database.write(c -> {
            LogStore.insertTeam(c, t);
            return null;
        });
    }

    /** Adds workshops and teams as they are (from a backup), in one transaction. */
    void addAll(List<Workshop> newWorkshops, List<Team> newTeams) {
        database.write(c -> {
            for (Workshop w : newWorkshops) {
                LogStore.insertWorkshop(c, w);
            }
            for (Team t : newTeams) {
                LogStore.insertTeam(c, t);
            }
            return null;
        });
    }

    List<Workshop> workshops() {
        return database.read(LogStore::workshops);
    }

    List<Team> teams() {
        return database.read(LogStore::teams);
    }

    /** Moves a map into a workshop and team ({@code null}s: standing alone). */
    void placeMap(String mapId, String workshopId, String teamId) {
        database.write(c -> {
            LogStore.placeMap(c, mapId, workshopId, teamId);
            return null;
        });
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a name is required");
        }
        return name.strip();
    }
}
