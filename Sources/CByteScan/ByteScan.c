#define _GNU_SOURCE
#include "ByteScan.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Which two bytes of the needle a step compares at sixteen places at once (Muła's "generic SIMD"
// search): its last byte, and the last byte of the scalar before the last one. In Chinese UTF-8
// those are continuation bytes, each about one byte in a hundred, where lead bytes (E4–E9) are one
// in three: a pair of them is rarely found together where the needle is not.
static size_t second_probe(const uint8_t *needle, size_t length) {
    size_t start = length - 1;
    while (start > 0 && (needle[start] & 0xC0) == 0x80) start--;
    return start > 0 ? start - 1 : length - 2;
}

const void *dubao_find(const void *haystack, size_t n, const void *needle, size_t k) {
    const uint8_t *h = haystack, *s = needle;
    if (k == 0) return h;
    if (k > n) return NULL;
    if (k == 1) return memchr(h, s[0], n);
    size_t i = 0;
#if defined(__SSE2__)
    size_t p = second_probe(s, k), q = k - 1;
    const __m128i a = _mm_set1_epi8((char)s[p]), b = _mm_set1_epi8((char)s[q]);
    for (; i + k + 15 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(h + i + p));
        __m128i y = _mm_loadu_si128((const __m128i *)(h + i + q));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, a), _mm_cmpeq_epi8(y, b)));
        while (mask) {
            unsigned bit = (unsigned)__builtin_ctz(mask);
            if (memcmp(h + i + bit, s, k) == 0) return h + i + bit;
            mask &= mask - 1;
        }
    }
#endif
    return memmem(h + i, n - i, s, k);
}

// The closer look at a lead byte that may start a scalar to clean (C2, D8, E2, EF), or at any
// other byte the fast scan stopped at.
static bool needs_cleaning_at(const uint8_t *b, size_t i, size_t n) {
    uint8_t c = b[i];
    if (c < 0x20) return !(c == 0x09 || c == 0x0A || c == 0x0D);
    if (c == 0x7F) return true;
    uint8_t c1 = i + 1 < n ? b[i + 1] : 0, c2 = i + 2 < n ? b[i + 2] : 0;
    switch (c) {
    case 0xC2: return c1 >= 0x80 && c1 < 0xA0;                                    // C1 controls
    case 0xD8: return c1 == 0x9C;                                                 // U+061C
    case 0xE2:
        if (c1 == 0x80 && (c2 == 0x8E || c2 == 0x8F || (c2 >= 0xAA && c2 <= 0xAE))) return true;
        return c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9;                            // isolates
    case 0xEF: return c1 == 0xBB && c2 == 0xBF;                                   // BOM
    default: return false;
    }
}

bool dubao_may_need_cleaning(const uint8_t *b, size_t n) {
    size_t i = 0;
#if defined(__SSE2__)
    // Every byte that can begin something to clean is a whole ASCII scalar or a lead byte, so the
    // places a block flags are scalar starts and can be looked at one by one, in any order.
    const __m128i below = _mm_set1_epi8(0x1F), tab = _mm_set1_epi8(0x09), lf = _mm_set1_epi8(0x0A),
                  cr = _mm_set1_epi8(0x0D), del = _mm_set1_epi8(0x7F), c2 = _mm_set1_epi8((char)0xC2),
                  d8 = _mm_set1_epi8((char)0xD8), e2 = _mm_set1_epi8((char)0xE2), ef = _mm_set1_epi8((char)0xEF);
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(b + i));
        __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, below), x);
        __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, lf)), _mm_cmpeq_epi8(x, cr));
        __m128i flagged = _mm_or_si128(_mm_andnot_si128(allowed, control), _mm_cmpeq_epi8(x, del));
        flagged = _mm_or_si128(flagged, _mm_or_si128(_mm_cmpeq_epi8(x, c2), _mm_cmpeq_epi8(x, d8)));
        flagged = _mm_or_si128(flagged, _mm_or_si128(_mm_cmpeq_epi8(x, e2), _mm_cmpeq_epi8(x, ef)));
        unsigned mask = (unsigned)_mm_movemask_epi8(flagged);
        while (mask) {
            if (needs_cleaning_at(b, i + (unsigned)__builtin_ctz(mask), n)) return true;
            mask &= mask - 1;
        }
    }
#endif
    for (; i < n; i++) {
        if (needs_cleaning_at(b, i, n)) return true;
    }
    return false;
}

size_t dubao_json_plain_length(const uint8_t *b, size_t n) {
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8(0x22), backslash = _mm_set1_epi8(0x5C);
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(b + i));
        __m128i flagged = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, below), x),
                                       _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
        unsigned mask = (unsigned)_mm_movemask_epi8(flagged);
        if (mask) return i + (unsigned)__builtin_ctz(mask);
    }
#endif
    for (; i < n; i++) {
        if (b[i] < 0x20 || b[i] == 0x22 || b[i] == 0x5C) return i;
    }
    return n;
}
