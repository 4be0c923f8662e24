#!/usr/bin/python3
"""An independent implementation for TestKeystoreInterop: python3-jwcrypto reads and writes a
JWT Workbench keystore (a JWK Set in a PBES2 JWE, JSON serialization). The passphrase comes from
$JWTWB_PASSPHRASE. Prints JSON on stdout.

  jwcrypto_keystore.py read PATH    -> {"header": {...}, "keys": [{"thumbprint", "kid", "kty", "label", "private"}]}
  jwcrypto_keystore.py write PATH   -> [{"thumbprint", "label"}] of the keys it wrote
"""
import json
import os
import sys

from jwcrypto import jwa, jwe, jwk
from jwcrypto.common import base64url_encode, json_encode

# jwcrypto >= 1.5 refuses PBES2 iteration counts above 16384 unless told otherwise; ours is 600000.
if hasattr(jwa, "default_max_pbkdf2_iterations"):
    jwa.default_max_pbkdf2_iterations = 10_000_000

METADATA = ("label", "created", "notes", "tags")


def passphrase_key():
    return jwk.JWK(kty="oct", k=base64url_encode(os.environ["JWTWB_PASSPHRASE"].encode("utf-8")))


def read(path):
    token = jwe.JWE()
    with open(path, encoding="utf-8") as f:
        token.deserialize(f.read(), key=passphrase_key())
    key_set = json.loads(token.payload.decode("utf-8"))
    keys = []
    for member in key_set["keys"]:
        key = jwk.JWK(**{name: value for name, value in member.items() if name not in METADATA})
        keys.append({
            "thumbprint": key.thumbprint(),
            "kid": member.get("kid", ""),
            "kty": member["kty"],
            "label": member.get("label", ""),
            "private": key.has_private if member["kty"] != "oct" else True,
        })
    print(json.dumps({"header": token.jose_header, "keys": keys}))


def write(path):
    keys = [
        (jwk.JWK.generate(kty="EC", crv="P-256"), "jwcrypto P-256"),
        (jwk.JWK.generate(kty="EC", crv="P-384"), "jwcrypto P-384"),
        (jwk.JWK.generate(kty="RSA", size=2048), "jwcrypto RSA"),
        (jwk.JWK.generate(kty="OKP", crv="Ed25519"), "jwcrypto Ed25519"),
        (jwk.JWK.generate(kty="oct", size=256), "jwcrypto secret"),
    ]
    members = []
    for key, label in keys:
        member = json.loads(key.export(private_key=True))
        member["label"] = label
        member["tags"] = ["interop"]
        members.append(member)
    protected = {"alg": "PBES2-HS512+A256KW", "enc": "A256GCM", "cty": "jwk-set+json"}
    token = jwe.JWE(json_encode({"keys": members}).encode("utf-8"), protected=json_encode(protected))
    token.add_recipient(passphrase_key())
    with open(path, "w", encoding="utf-8") as f:
        f.write(token.serialize(compact=False))
    print(json.dumps([{"thumbprint": key.thumbprint(), "label": label} for key, label in keys]))


if __name__ == "__main__":
    {"read": read, "write": write}[sys.argv[1]](sys.argv[2])
