#include "OsslError.h"

#include <openssl/err.h>

namespace jwtwb::ossl {

void clearErrors()
{
    ERR_clear_error();
}

std::string drainErrors()
{
    std::string out;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!out.empty()) {
            out += "; ";
        }
        out += buffer;
    }
    return out;
}

Error cryptoError(Errc code, std::string message)
{
    return Error{code, std::move(message), drainErrors()};
}

} // namespace jwtwb::ossl
