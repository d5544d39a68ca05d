#ifndef SELFEVAL_CLIBXML2_SHIM_H
#define SELFEVAL_CLIBXML2_SHIM_H

/* Debian's libxml2 headers pull in the system ICU, which clashes with the ICU module that
   Foundation ships (swiftlang/swift#88485). Read the version header first and hide ICU. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/* libxml2's generic error callback is variadic, which Swift cannot implement. */
static void selfeval_xml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context; (void)message;
}

/* Silences libxml2's stderr output for this thread; errors are read through the
   structured handler or the parser's own results instead. */
static inline void selfeval_xml_silence(void) {
    xmlSetGenericErrorFunc(NULL, selfeval_xml_ignore_generic_error);
}

#endif
