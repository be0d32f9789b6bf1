#ifndef DUBAO_BYTE_SCAN_H
#define DUBAO_BYTE_SCAN_H
// Byte scans that every import and search runs over whole issues, sixteen bytes at a step where
// the processor has SSE2 (every x86-64), a byte at a time elsewhere.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// The first occurrence of `needle`'s bytes in `haystack`'s, or NULL; an empty needle is found at
/// the start.
const void *dubao_find(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Whether valid UTF-8 holds anything `ContentCleaner` removes or changes: a C0 control but tab,
/// LF and CR, DEL, a C1 control, a bidi control or mark (U+200E/F, U+202A–E, U+2066–9, U+061C),
/// or a byte order mark.
bool dubao_may_need_cleaning(const uint8_t *bytes, size_t length);

/// How many bytes from the start need no escape in a JSON string (no C0 control, quote or
/// backslash).
size_t dubao_json_plain_length(const uint8_t *bytes, size_t length);

#endif
