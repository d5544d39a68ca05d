// libFuzzer's entry for programs that keep their own main. SwiftPM renames an executable's
// main on Linux, which hides libFuzzer's main, so each target's main calls this instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
