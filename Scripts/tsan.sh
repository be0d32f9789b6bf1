#!/bin/sh
# Runs the core, layout and UI tests under the thread sanitizer, in its own build folder: the
# importer parses pages and the store encodes sections on both cores (Sources/DubaoStore/Parallel.swift).
set -eu
cd "$(dirname "$0")/.."
swift build --build-tests --sanitize=thread --scratch-path .build-tsan
TSAN_OPTIONS=halt_on_error=0 swift test --skip-build --sanitize=thread --scratch-path .build-tsan \
    --filter 'DubaoCoreTests|DubaoUITests|DubaoLayoutTests' 2>&1 | tee /tmp/tsan.log
if grep -q 'WARNING: ThreadSanitizer' /tmp/tsan.log; then
    echo "tsan.sh: the sanitizer reported races (see /tmp/tsan.log)" >&2
    exit 1
fi
echo "tsan.sh: clean"
