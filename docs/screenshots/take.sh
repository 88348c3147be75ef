#!/usr/bin/env bash
# Renders the start screen and each method's worked example in the real editor window (under Xvfb, software
# rendering) into docs/screenshots/*.png. The editor's --snapshot flag saves the window's scene after the first
# frames and quits. Run from anywhere:
#   docs/screenshots/take.sh                    English: docs/screenshots/*.png
#   docs/screenshots/take.sh es                 the editor in Spanish (and the examples made in Spanish): docs/screenshots/es/*.png
#   docs/screenshots/take.sh es net-map toc     only the start screen and these methods
set -euo pipefail
cd "$(dirname "$0")/../.."
language="${1:-en}"
shift || true
methods=("$@")
if [ ${#methods[@]} -eq 0 ]; then
  methods=(problem-tree fishbone rich-picture net-map power-interest theory-of-change action-plan)
fi
out=docs/screenshots
if [ "$language" != "en" ]; then
  out="docs/screenshots/$language"
fi
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "take.sh needs xvfb-run (apt-get install -y xvfb libgtk-3-0)" >&2; exit 1; }
mvn -o -q -pl editor -am compile dependency:build-classpath -Dmdep.outputFile=target/editor-classpath.txt
cp="editor/target/classes:$(cat editor/target/editor-classpath.txt)"
 # a throw-away library, so the pictures show what a user sees (maps kept, "Saved") without touching ~/.mapwork
library="$(mktemp -d)"
trap 'rm -rf "$library"' EXIT
run() {
  xvfb-run -a -s "-screen 0 1440x900x24" java -Dprism.order=sw -cp "$cp" org.mapwork.editor.EditorLauncher \
    --library="$library/lib" --size=1440x900 --language="$language" "$@" 2>&1 \
    | grep -v -e SLF4J -e "Unsupported JavaFX" -e "Gdk-WARNING" -e PlatformImpl || true
}
shot() {
  local file="$1"
  shift
  rm -f "$file"
  run "$@" --snapshot="$file"
  if [ -s "$file" ]; then echo "wrote $file"; else echo "no picture for $file" >&2; exit 1; fi
}
shot "$out/start.png"
for method in "${methods[@]}"; do
  shot "$out/$method.png" --example="$method"
done
