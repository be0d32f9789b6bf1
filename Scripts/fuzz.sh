#!/usr/bin/env bash
# Fuzzes the importer and the line breaker with libFuzzer and the address sanitizer.
#
#   Scripts/fuzz.sh [SECONDS]       # default 60 seconds for each fuzzer
#
# SwiftPM builds the library modules with the sanitizers into .build-fuzz; swiftc links each
# Fuzz/*.swift entry with them and libFuzzer's own main. The corpora live in Fuzz/corpus/NAME
# (small, kept in the repository); new inputs found during a run go to a scratch folder, and
# crashing inputs to Fuzz/crashes/ — add each as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scratch=.build-fuzz
swift build --scratch-path "$scratch" --target DubaoImport -Xswiftc -sanitize=fuzzer -Xswiftc -sanitize=address >/dev/null
swift build --scratch-path "$scratch" --target DubaoLayout -Xswiftc -sanitize=fuzzer -Xswiftc -sanitize=address >/dev/null
debug="$scratch/debug"
mkdir -p Fuzz/crashes
for name in Importer LineBreaker; do
  case $name in
    Importer) objects=("$debug"/DubaoModel.build/*.o "$debug"/DubaoStore.build/*.o "$debug"/DubaoImport.build/*.o) ;;
    LineBreaker) objects=("$debug"/DubaoModel.build/*.o "$debug"/DubaoLayout.build/*.o) ;;
  esac
  binary="$scratch/fuzz-$name"
  # -I Sources/CLibcShim: the store imports that C module, whose map swiftc must find too.
  swiftc -sanitize=fuzzer,address -parse-as-library -I "$debug/Modules" -I Sources/CLibcShim "Fuzz/${name}Fuzzer.swift" "${objects[@]}" -o "$binary"
  corpus="Fuzz/corpus/$name"
  work="$scratch/corpus-$name"
  mkdir -p "$work"
  echo "fuzz: $name for $seconds s (corpus $corpus)"
  "$binary" -max_total_time="$seconds" -max_len=4096 -timeout=10 -artifact_prefix=Fuzz/crashes/ "$work" "$corpus" 2>&1 | tail -3
done
