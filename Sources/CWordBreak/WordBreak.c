#include "WordBreak.h"
#include <stdlib.h>

#if __has_include(<unicode/ubrk.h>)
#include <unicode/ubrk.h>

struct dubao_word_breaker {
    UBreakIterator *iterator;
};

dubao_word_breaker *dubao_word_breaker_open(void) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
    if (U_FAILURE(status) || iterator == NULL) return NULL;
    struct dubao_word_breaker *breaker = (struct dubao_word_breaker *)malloc(sizeof *breaker);
    if (breaker == NULL) { ubrk_close(iterator); return NULL; }
    breaker->iterator = iterator;
    return breaker;
}

void dubao_word_breaker_close(dubao_word_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

bool dubao_word_boundary_at(dubao_word_breaker *breaker, const uint16_t *text, int32_t length, int32_t seam) {
    if (breaker == NULL || seam <= 0 || seam >= length) return true;
    UErrorCode status = U_ZERO_ERROR;
    // The iterator keeps `text` until the next setText; it is read only within this call.
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return true;
    return ubrk_isBoundary(breaker->iterator, seam) != 0;
}

#else
// Without ICU's headers (a system that ships ICU without them) no word is known: the importer
// falls back on the page's own pairs.
dubao_word_breaker *dubao_word_breaker_open(void) { return NULL; }
void dubao_word_breaker_close(dubao_word_breaker *breaker) { (void)breaker; }
bool dubao_word_boundary_at(dubao_word_breaker *breaker, const uint16_t *text, int32_t length, int32_t seam) {
    (void)breaker; (void)text; (void)length; (void)seam;
    return true;
}
#endif
