package org.mapwork.store;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.mapwork.model.Change;

/**
 * A map's change log as CSV for researchers and debriefs: one row per change, with its revision, the time of its
 * change set, who made it, what kind of change it was, the element it touched, the property, a one-line description
 * and the change set's summary. Jackson's CSV writer does the quoting (labels hold commas, quotes and line breaks).
 */
final class ChangeLogCsv {

    static final String[] COLUMNS = {"revision", "time", "actor", "change", "element", "property", "description", "summary"};

    private ChangeLogCsv() {
    }

    static void write(Iterator<RevisionState> states, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String c : COLUMNS) {
            schema.addColumn(c);
        }
        CsvMapper mapper = new CsvMapper();
        try (SequenceWriter rows = mapper.writer(schema.build()).writeValues(out)) {
            while (states.hasNext()) {
                RevisionState s = states.next();
                for (Change c : s.changeSet().changes()) {
                    rows.write(new Object[] {
                        s.revision().number(), s.revision().time().toString(), c.stamp().actor(), ChangeSetCodec.kind(c),
                        c.elementId() == null ? "" : c.elementId(), c.property(), c.describe(), s.revision().summary()});
                }
            }
        }
    }
}
