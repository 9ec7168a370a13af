#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs with a main of their own (libFuzzer >= 12).
/// SwiftPM renames an executable's main to <module>_main and links main to it, so the
/// fuzz targets keep top-level code that calls this instead of relying on libFuzzer's
/// main (which -parse-as-library would need and the rename breaks).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Runs libFuzzer with the process's arguments and `callback` as the target.
int trainaudit_fuzz_main(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));
#endif
