package org.mapwork.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A typed attribute value. Which variant an attribute holds is decided by its
 * {@link org.mapwork.model.schema.AttributeDef}: text, long text and enum attributes hold {@link Text},
 * multi-enum attributes hold {@link TextList}, structured rows (such as indicators) hold {@link Rows}.
 */
public sealed interface Value {

    /** A short human description used in error messages, e.g. {@code "high"} or {@code 12}. */
    String describe();

    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return '"' + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + '"';
        }
    }

    record Int(long value) implements Value {
        @Override
        public String describe() {
            return Long.toString(value);
        }
    }

    record Decimal(double value) implements Value {
        @Override
        public String describe() {
            return Double.toString(value);
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String describe() {
            return Boolean.toString(value);
        }
    }

    record Date(LocalDate value) implements Value {
        public Date {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return value.toString();
        }
    }

    record TextList(List<String> values) implements Value {
        public TextList {
            values = List.copyOf(values);
        }

        @Override
        public String describe() {
            return values.toString();
        }
    }

    /** Structured rows, each a map from column name to value (e.g. an outcome's indicators). */
    record Rows(List<Map<String, Value>> rows) implements Value {
        public Rows {
            rows = rows.stream().map(r -> (Map<String, Value>) java.util.Collections.unmodifiableMap(new TreeMap<>(r))).toList();
        }

        @Override
        public String describe() {
            return rows.size() + " row(s)";
        }

        /** The rows' {@code id} column in order (rows without a text id left out): what elements refer to. */
        public List<String> ids() {
            List<String> ids = new ArrayList<>(rows.size());
            for (Map<String, Value> row : rows) {
                if (row.get("id") instanceof Text t) {
                    ids.add(t.value());
                }
            }
            return ids;
        }
    }

    static Text text(String s) {
        return new Text(s);
    }

    static Int integer(long v) {
        return new Int(v);
    }

    static Decimal decimal(double v) {
        return new Decimal(v);
    }

    static Bool bool(boolean v) {
        return new Bool(v);
    }

    static Date date(LocalDate d) {
        return new Date(d);
    }

    static TextList list(String... values) {
        return new TextList(List.of(values));
    }
}
