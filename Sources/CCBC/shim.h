// CBC 2.10's C API from Debian's coinor-libcbc-dev (pkg-config `cbc`, header in
// /usr/include/coin). Only CCBCShim and CBCSolver see it.
#include <coin/Cbc_C_Interface.h>
