#include "ThreadState.h"

#include <openssl/crypto.h>

namespace jwtwb::crypto {

void releaseThreadState()
{
    OPENSSL_thread_stop();
}

} // namespace jwtwb::crypto
