#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>

/* Excel's quotePrefix cell style keeps a text that starts with "=" a text even when a
   user edits the cell and presses Enter. libxlsxwriter has format_set_quote_prefix from
   1.1.5 on; Debian 12 ships 1.1.4, where the cell is still a string cell (never a
   formula) but without the style. */
static inline int trainaudit_has_quote_prefix(void) {
#if LXW_VERSION_ID >= 115
    return 1;
#else
    return 0;
#endif
}

static inline void trainaudit_format_set_quote_prefix(lxw_format *format) {
#if LXW_VERSION_ID >= 115
    format_set_quote_prefix(format);
#else
    (void)format;
#endif
}

/* Workbook options as Swift cannot spell the C struct's designated initialiser. */
static inline lxw_workbook *trainaudit_workbook_new(const char *filename, const char *tmpdir) {
    lxw_workbook_options options = {0};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = (char *)tmpdir;
    options.use_zip64 = LXW_TRUE;
    return workbook_new_opt(filename, &options);
}
#endif
