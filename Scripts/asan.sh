#!/bin/sh
# Runs the whole test suite under the address sanitizer, in its own build folder so the normal
# build is left alone. The first build takes a few minutes; the run itself under a minute.
# Reports of child processes (the dubao binary in tmux) go to /tmp/asan-report.<pid>.
#
#   Scripts/asan.sh            the suite, leak checking off (the Swift runtime's own leaks are noise)
#   Scripts/asan.sh --leaks    DubaoCoreTests and DubaoLayoutTests with LeakSanitizer on
set -eu
cd "$(dirname "$0")/.."
rm -f /tmp/asan-report.*
swift build --build-tests --sanitize=address --scratch-path .build-asan
if [ "${1:-}" = "--leaks" ]; then
    ASAN_OPTIONS=log_path=/tmp/asan-report:detect_leaks=1 LSAN_OPTIONS=suppressions="$PWD/Scripts/lsan.supp" \
        swift test --skip-build --sanitize=address --scratch-path .build-asan --filter 'DubaoCoreTests|DubaoLayoutTests'
else
    ASAN_OPTIONS=log_path=/tmp/asan-report:detect_leaks=0 \
        swift test --skip-build --sanitize=address --scratch-path .build-asan
fi
if ls /tmp/asan-report.* >/dev/null 2>&1 && grep -l "ERROR: AddressSanitizer\|ERROR: LeakSanitizer" /tmp/asan-report.* ; then
    echo "asan.sh: the sanitizer reported errors in the files above" >&2
    exit 1
fi
echo "asan.sh: clean"
