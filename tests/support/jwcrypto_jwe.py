#!/usr/bin/python3
"""An independent implementation for TestJweInterop: python3-jwcrypto encrypts JWEs for
`jwtwb decrypt` and decrypts what `jwtwb encrypt` writes. Keys are JWK files.

  jwcrypto_jwe.py algorithms                      -> {"alg": [...], "enc": [...]} (its JWE algorithms)
  jwcrypto_jwe.py genkey KIND PATH                -> writes a private JWK (RSA, RSA-1024, P-256, P-384,
                                                     P-521, X25519, X448) to PATH
  jwcrypto_jwe.py encrypt ALG ENC KEY PLAINTEXT [zip] [json]
                                                  -> the JWE (compact, or general JSON with "json")
  jwcrypto_jwe.py decrypt KEY TOKEN               -> {"plaintext": base64url, "header": {...}}
"""
import json
import sys

from jwcrypto import jwa, jwe, jwk
from jwcrypto.common import base64url_encode, json_encode

# jwcrypto >= 1.5 refuses PBES2 iteration counts above 16384 unless told otherwise; ours is 600000.
if hasattr(jwa, "default_max_pbkdf2_iterations"):
    jwa.default_max_pbkdf2_iterations = 10_000_000


def jwe_algorithms():
    registry = jwa.JWA.algorithms_registry
    return {
        "alg": [name for name, cls in registry.items() if cls.algorithm_use == "kex"],
        "enc": [name for name, cls in registry.items() if cls.algorithm_use == "enc"],
    }


def every_jwe_algorithm():
    names = jwe_algorithms()
    return names["alg"] + names["enc"]  # RSA1_5 too: it is off by default


def load_key(path):
    with open(path, encoding="utf-8") as f:
        return jwk.JWK(**json.load(f))


def genkey(kind, path):
    if kind.startswith("RSA"):
        key = jwk.JWK.generate(kty="RSA", size=1024 if kind == "RSA-1024" else 2048)
    elif kind in ("X25519", "X448"):
        key = jwk.JWK.generate(kty="OKP", crv=kind)
    else:
        key = jwk.JWK.generate(kty="EC", crv=kind)
    with open(path, "w", encoding="utf-8") as f:
        f.write(key.export(private_key=True))


def encrypt(alg, enc, key_path, plaintext_path, *flags):
    with open(plaintext_path, "rb") as f:
        plaintext = f.read()
    protected = {"alg": alg, "enc": enc}
    if "zip" in flags:
        protected["zip"] = "DEF"
    token = jwe.JWE(plaintext, protected=json_encode(protected), algs=every_jwe_algorithm())
    token.add_recipient(load_key(key_path))
    print(token.serialize(compact="json" not in flags))


def decrypt(key_path, token_path):
    with open(token_path, encoding="utf-8") as f:
        text = f.read().strip()
    token = jwe.JWE(algs=every_jwe_algorithm())
    token.deserialize(text, key=load_key(key_path))
    print(json.dumps({"plaintext": base64url_encode(token.payload), "header": token.jose_header}))


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "algorithms":
        print(json.dumps(jwe_algorithms()))
    else:
        {"genkey": genkey, "encrypt": encrypt, "decrypt": decrypt}[command](*arguments)
