#ifndef DUBAO_WORD_BREAK_H
#define DUBAO_WORD_BREAK_H
// Where words begin and end in Chinese text, by ICU's dictionary word breaker. Wrapped in C because
// ICU's entry points carry its version in their names (ubrk_open_72), which only its C headers
// know.
#include <stdbool.h>
#include <stdint.h>

typedef struct dubao_word_breaker dubao_word_breaker;

/// A word breaker for Chinese, or NULL if ICU has no word rules for it (its data missing).
dubao_word_breaker *dubao_word_breaker_open(void);
void dubao_word_breaker_close(dubao_word_breaker *breaker);

/// Whether a word boundary stands at UTF-16 offset `seam` of `text` (`length` code units): false
/// where the seam falls inside a word of ICU's dictionary. True where ICU fails.
bool dubao_word_boundary_at(dubao_word_breaker *breaker, const uint16_t *text, int32_t length, int32_t seam);

#endif
