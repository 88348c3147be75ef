#!/usr/bin/env bash
# Pictures of sharing a map on this network (under Xvfb, software rendering) into docs/screenshots/collab/*.png:
# the Share dialog with its QR code, the Join dialog naming a wrong key, two windows editing one map through a hub
# (the program is editor/src/test/java/org/mapwork/editor/collab/CollabScreenshots.java). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v xvfb-run >/dev/null || { echo "collab.sh needs xvfb-run (apt-get install -y xvfb libgtk-3-0)" >&2; exit 1; }
build=(-q -pl editor -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/editor-test-classpath.txt)
mvn -o "${build[@]}" 2>/dev/null || mvn "${build[@]}"
cp="editor/target/test-classes:editor/target/classes:$(cat editor/target/editor-test-classpath.txt)"
xvfb-run -a -s "-screen 0 1920x1080x24" java -Dprism.order=sw -cp "$cp" org.mapwork.editor.collab.CollabScreenshots \
  docs/screenshots/collab 2>&1 | grep -v -e SLF4J -e "Unsupported JavaFX" -e "Gdk-WARNING" -e PlatformImpl || true
