#pragma once

#include "Error.h"

#include <string>

namespace jwtwb::ossl {

// Clear the thread's OpenSSL error queue before an operation whose failure will be reported.
void clearErrors();

// Everything in the error queue as one line ("error:...; error:..."), and clears the queue.
[[nodiscard]] std::string drainErrors();

// An Error with the given code and message and the drained OpenSSL queue as detail.
[[nodiscard]] Error cryptoError(Errc code, std::string message);

} // namespace jwtwb::ossl
