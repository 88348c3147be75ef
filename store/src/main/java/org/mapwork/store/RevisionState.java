package org.mapwork.store;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;

/**
 * A map as it was at one revision, with the change set that led there (empty for revision 0): one step of a
 * replay of a map's growth.
 */
public record RevisionState(Revision revision, ChangeSet changeSet, MapDocument document) {
}
