#ifndef SELFEVAL_CSHA256_H
#define SELFEVAL_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Compresses `blocks` 64-byte blocks of `data` into `state` (SHA-256's eight words, in order)
/// with the processor's SHA instructions. Returns 0 without touching `state` when the processor
/// has none (or is not x86-64): the caller then hashes in Swift.
int selfeval_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// SHA-256's 64 round constants, for the Swift rounds too: one copy of the table.
const uint32_t *selfeval_sha256_round_constants(void);

#endif
