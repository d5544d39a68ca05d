#include <zlib.h>

// inflateInit2 is a macro, which Swift cannot call; raw deflate (negative window bits) is what
// zip entries hold.
static inline int czlib_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
