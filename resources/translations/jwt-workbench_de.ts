<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DialogKeysPrompter</name>
    <message>
        <source>Delete Key</source>
        <translation>Schlüssel löschen</translation>
    </message>
    <message>
        <source>Delete the key “%1” from the keystore? (Undo Delete brings it back.)</source>
        <translation>Den Schlüssel „%1“ aus dem Schlüsselspeicher löschen? („Löschen rückgängig“ holt ihn zurück.)</translation>
    </message>
    <message>
        <source>Encrypted Key</source>
        <translation>Verschlüsselter Schlüssel</translation>
    </message>
    <message>
        <source>Passphrase of the private key:</source>
        <translation>Passphrase des privaten Schlüssels:</translation>
    </message>
    <message>
        <source>“%1” is tagged production. Export its private key anyway?</source>
        <translation>„%1“ ist als „production“ markiert. Den privaten Schlüssel trotzdem exportieren?</translation>
    </message>
    <message>
        <source>Export the private key of “%1”? Whoever gets it can sign as you.</source>
        <translation>Den privaten Schlüssel von „%1“ exportieren? Wer ihn bekommt, kann in Ihrem Namen signieren.</translation>
    </message>
    <message>
        <source>Export Private Key</source>
        <translation>Privaten Schlüssel exportieren</translation>
    </message>
    <message>
        <source>Save Keystore As</source>
        <translation>Schlüsselspeicher speichern unter</translation>
    </message>
    <message>
        <source>Keystores (*.jwe);;All files (*)</source>
        <translation>Schlüsselspeicher (*.jwe);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>EncryptionSteps</name>
    <message>
        <source>protected header</source>
        <translation>geschützter Header</translation>
    </message>
    <message>
        <source>encrypted key</source>
        <translation>verschlüsselter Schlüssel</translation>
    </message>
    <message>
        <source>initialization vector</source>
        <translation>Initialisierungsvektor</translation>
    </message>
    <message>
        <source>ciphertext</source>
        <translation>Chiffretext</translation>
    </message>
    <message>
        <source>authentication tag</source>
        <translation>Authentifizierungs-Tag</translation>
    </message>
    <message>
        <source>the content key, protected by an algorithm this program does not know</source>
        <translation>der Inhaltsschlüssel, geschützt mit einem Algorithmus, den dieses Programm nicht kennt</translation>
    </message>
    <message>
        <source>empty: with dir the shared key is the content key</source>
        <translation>leer: bei dir ist der gemeinsame Schlüssel der Inhaltsschlüssel</translation>
    </message>
    <message>
        <source>the content key, wrapped with the shared key (AES key wrap)</source>
        <translation>der Inhaltsschlüssel, mit dem gemeinsamen Schlüssel verpackt (AES Key Wrap)</translation>
    </message>
    <message>
        <source>the content key, encrypted with AES-GCM under the shared key</source>
        <translation>der Inhaltsschlüssel, mit AES-GCM unter dem gemeinsamen Schlüssel verschlüsselt</translation>
    </message>
    <message>
        <source>the content key, wrapped with a key derived from the passphrase</source>
        <translation>der Inhaltsschlüssel, verpackt mit einem aus der Passphrase abgeleiteten Schlüssel</translation>
    </message>
    <message>
        <source>the content key, encrypted with %1 to the recipient&apos;s RSA public key</source>
        <translation>der Inhaltsschlüssel, mit %1 für den öffentlichen RSA-Schlüssel des Empfängers verschlüsselt</translation>
    </message>
    <message>
        <source>empty: ECDH-ES agrees the content key itself</source>
        <translation>leer: ECDH-ES vereinbart den Inhaltsschlüssel selbst</translation>
    </message>
    <message>
        <source>the content key, wrapped with a key agreed by ECDH-ES</source>
        <translation>der Inhaltsschlüssel, verpackt mit einem per ECDH-ES vereinbarten Schlüssel</translation>
    </message>
    <message>
        <source>The header&apos;s alg “%1” is no key management algorithm this program knows (RFC 7518 §4), so the content key cannot be recovered.</source>
        <translation>Das alg „%1“ im Header ist kein Schlüsselverwaltungsalgorithmus, den dieses Programm kennt (RFC 7518 §4); der Inhaltsschlüssel lässt sich daher nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>%1-byte</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>random</source>
        <translation>unbekannter Länge</translation>
    </message>
    <message>
        <source>dir: no key is sent. The shared key itself is the %1 content key (CEK), so both sides must already have it; the %2 is empty.</source>
        <translation>dir: Es wird kein Schlüssel übertragen. Der gemeinsame Schlüssel selbst ist der Inhaltsschlüssel (CEK) mit %1, beide Seiten müssen ihn also schon haben; der Teil „%2“ ist leer.</translation>
    </message>
    <message>
        <source>%1: the sender makes a %2 random content key (CEK) and wraps it with AES Key Wrap (RFC 3394) under the %3-byte shared key; the result, 8 bytes longer, is the %4. Unwrapping checks a built-in integrity value, so a wrong key fails here already.</source>
        <translation>%1: Der Absender erzeugt einen zufälligen Inhaltsschlüssel (CEK) mit %2 und verpackt ihn mit AES Key Wrap (RFC 3394) unter dem %3 Byte langen gemeinsamen Schlüssel; das 8 Byte längere Ergebnis ist der Teil „%4“. Beim Entpacken wird ein eingebauter Integritätswert geprüft, ein falscher Schlüssel scheitert also schon hier.</translation>
    </message>
    <message>
        <source>%1: a %2 random content key (CEK) is encrypted with AES-GCM under the %3-byte shared key, with the 12-byte “iv” and the 16-byte “tag” that the header carries; the encrypted CEK is the %4.</source>
        <translation>%1: Ein zufälliger Inhaltsschlüssel (CEK) mit %2 wird mit AES-GCM unter dem %3 Byte langen gemeinsamen Schlüssel verschlüsselt, mit dem 12 Byte langen „iv“ und dem 16 Byte langen „tag“ aus dem Header; der verschlüsselte CEK ist der Teil „%4“.</translation>
    </message>
    <message>
        <source>p2c</source>
        <translation>p2c</translation>
    </message>
    <message>
        <source>%1: PBKDF2 with HMAC-%2 runs %3 times over the passphrase, salted with UTF8(alg) ‖ 0x00 ‖ “p2s”, and gives a %4-byte key; that key wraps a %5 random content key (CEK) with AES Key Wrap, and the result is the %6. The iteration count makes every guess at the passphrase as slow as one decryption.</source>
        <translation>%1: PBKDF2 mit HMAC-%2 läuft %3-mal über die Passphrase, gesalzen mit UTF8(alg) ‖ 0x00 ‖ „p2s“, und ergibt einen %4 Byte langen Schlüssel; dieser verpackt einen zufälligen Inhaltsschlüssel (CEK) mit %5 per AES Key Wrap, und das Ergebnis ist der Teil „%6“. Durch die Zahl der Iterationen ist jeder Rateversuch an der Passphrase so langsam wie eine Entschlüsselung.</translation>
    </message>
    <message>
        <source>RSA1_5: a %1 random content key (CEK) is encrypted to the recipient&apos;s RSA public key with PKCS #1 v1.5 padding; the result is the %2. Its padding errors can be turned into a decryption oracle (Bleichenbacher), so this program reads it but never writes it (RFC 8725 §3.2).</source>
        <translation>RSA1_5: Ein zufälliger Inhaltsschlüssel (CEK) mit %1 wird mit PKCS #1 v1.5-Padding für den öffentlichen RSA-Schlüssel des Empfängers verschlüsselt; das Ergebnis ist der Teil „%2“. Seine Padding-Fehler lassen sich zu einem Entschlüsselungsorakel ausnutzen (Bleichenbacher), daher liest dieses Programm es, schreibt es aber nie (RFC 8725 §3.2).</translation>
    </message>
    <message>
        <source>%1: a %2 random content key (CEK) is encrypted to the recipient&apos;s RSA public key with OAEP padding (%3, MGF1 with %3); the result, as long as the modulus, is the %4. Only the private key recovers it.</source>
        <translation>%1: Ein zufälliger Inhaltsschlüssel (CEK) mit %2 wird mit OAEP-Padding (%3, MGF1 mit %3) für den öffentlichen RSA-Schlüssel des Empfängers verschlüsselt; das Ergebnis, so lang wie der Modulus, ist der Teil „%4“. Nur der private Schlüssel gewinnt ihn zurück.</translation>
    </message>
    <message>
        <source>the recipient&apos;s curve</source>
        <translation>der Kurve des Empfängers</translation>
    </message>
    <message>
        <source>The sender makes a fresh key pair on %1 and puts its public half in the header as “epk”. ECDH between its private half and the recipient&apos;s public key gives a shared secret Z, which the recipient gets again from “epk” and the private key. The Concat KDF (SHA-256 over Z, the algorithm&apos;s name, “apu”, “apv” and the key size) turns Z into </source>
        <translation>Der Absender erzeugt ein frisches Schlüsselpaar auf %1 und legt dessen öffentliche Hälfte als „epk“ in den Header. ECDH zwischen dessen privater Hälfte und dem öffentlichen Schlüssel des Empfängers ergibt ein gemeinsames Geheimnis Z, das der Empfänger aus „epk“ und dem privaten Schlüssel wiedergewinnt. Die Concat-KDF (SHA-256 über Z, den Namen des Algorithmus, „apu“, „apv“ und die Schlüsselgröße) macht aus Z </translation>
    </message>
    <message>
        <source>the %1 content key (CEK) itself, so the %2 is empty.</source>
        <translation>den Inhaltsschlüssel (CEK) mit %1 selbst, daher ist der Teil „%2“ leer.</translation>
    </message>
    <message>
        <source>a %1-byte key that wraps a %2 random content key (CEK) with AES Key Wrap; the result is the %3.</source>
        <translation>einen %1 Byte langen Schlüssel, der einen zufälligen Inhaltsschlüssel (CEK) mit %2 per AES Key Wrap verpackt; das Ergebnis ist der Teil „%3“.</translation>
    </message>
    <message>
        <source>The header&apos;s “enc” is no content encryption algorithm this program knows (RFC 7518 §5).</source>
        <translation>Das „enc“ im Header ist kein Inhaltsverschlüsselungsalgorithmus, den dieses Programm kennt (RFC 7518 §5).</translation>
    </message>
    <message>
        <source>The plaintext was first compressed with DEFLATE (“zip”: “DEF”). </source>
        <translation>Der Klartext wurde zuerst mit DEFLATE komprimiert („zip“: „DEF“). </translation>
    </message>
    <message>
        <source>%1: AES-GCM with the %2-byte content key and the 12-byte %3 encrypts the plaintext into the %4 (as long as the plaintext) and computes the 16-byte %5 over the AAD and the ciphertext.</source>
        <translation>%1: AES-GCM verschlüsselt mit dem %2 Byte langen Inhaltsschlüssel und dem 12 Byte langen Teil „%3“ den Klartext zum Teil „%4“ (so lang wie der Klartext) und berechnet den 16 Byte langen Teil „%5“ über die AAD und den Chiffretext.</translation>
    </message>
    <message>
        <source>%1: the %2-byte content key is split in two: the first %3 bytes are the HMAC key, the last %3 the AES key. AES-CBC with PKCS #7 padding and the 16-byte %4 encrypts the plaintext into the %5; then HMAC-%6 over AAD ‖ IV ‖ ciphertext ‖ AL (the AAD&apos;s length in bits, 64-bit big-endian), cut to its first %7 bytes, is the %8.</source>
        <translation>%1: Der %2 Byte lange Inhaltsschlüssel wird geteilt: Die ersten %3 Byte sind der HMAC-Schlüssel, die letzten %3 der AES-Schlüssel. AES-CBC mit PKCS #7-Padding und dem 16 Byte langen Teil „%4“ verschlüsselt den Klartext zum Teil „%5“; danach ist HMAC-%6 über AAD ‖ IV ‖ Chiffretext ‖ AL (die Länge der AAD in Bit, 64 Bit Big-Endian), gekürzt auf die ersten %7 Byte, der Teil „%8“.</translation>
    </message>
    <message>
        <source>the content, encrypted with %1</source>
        <translation>der Inhalt, verschlüsselt mit %1</translation>
    </message>
    <message>
        <source>the encrypted content</source>
        <translation>der verschlüsselte Inhalt</translation>
    </message>
    <message>
        <source>proves that header, IV and ciphertext are unchanged</source>
        <translation>belegt, dass Header, IV und Chiffretext unverändert sind</translation>
    </message>
    <message>
        <source>the JSON above, which is also the additional authenticated data</source>
        <translation>das JSON oben, zugleich die zusätzlichen authentifizierten Daten</translation>
    </message>
    <message>
        <source>the random starting value of the encryption</source>
        <translation>der zufällige Startwert der Verschlüsselung</translation>
    </message>
    <message>
        <source>%1. %2, %3: %4</source>
        <translation>%1. %2, %3: %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Five parts&lt;/b&gt; (RFC 7516 §7.1): %1.</source>
        <translation>&lt;b&gt;Fünf Teile&lt;/b&gt; (RFC 7516 §7.1): %1.</translation>
    </message>
    <message>
        <source>no protected header: nothing of the header is authenticated</source>
        <translation>kein geschützter Header: Nichts vom Header ist authentifiziert</translation>
    </message>
    <message>
        <source>%1, %2: authenticated, not encrypted</source>
        <translation>%1, %2: authentifiziert, nicht verschlüsselt</translation>
    </message>
    <message>
        <source>an unprotected header (%1): neither encrypted nor authenticated</source>
        <translation>ein ungeschützter Header (%1): weder verschlüsselt noch authentifiziert</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>1 recipient, with its %1: %2</source>
        <translation>1 Empfänger, mit seinem Teil „%1“: %2</translation>
    </message>
    <message>
        <source>%1 recipients, each with its %2: %3</source>
        <translation>%1 Empfänger, jeder mit seinem Teil „%2“: %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2: authenticated with the header, not encrypted</source>
        <translation>%1, %2: mit dem Header authentifiziert, nicht verschlüsselt</translation>
    </message>
    <message>
        <source>aad</source>
        <translation>aad</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;JSON serialization&lt;/b&gt; (RFC 7516 §7.2): %1.</source>
        <translation>&lt;b&gt;JSON-Serialisierung&lt;/b&gt; (RFC 7516 §7.2): %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Five parts</source>
        <translation>Fünf Teile</translation>
    </message>
    <message>
        <source>A compact JWE is %1, each in base64url and separated by dots (RFC 7516 §7.1). Only the header is readable without the key.</source>
        <translation>Ein kompaktes JWE besteht aus %1, jeweils in base64url und durch Punkte getrennt (RFC 7516 §7.1). Nur der Header ist ohne den Schlüssel lesbar.</translation>
    </message>
    <message>
        <source>JSON serialization</source>
        <translation>JSON-Serialisierung</translation>
    </message>
    <message>
        <source>The same parts as JSON members (RFC 7516 §7.2): %1. Several recipients share one ciphertext: each has its own header and %2, the same content key wrapped for them.</source>
        <translation>Dieselben Teile als JSON-Member (RFC 7516 §7.2): %1. Mehrere Empfänger teilen sich einen Chiffretext: Jeder hat seinen eigenen Header und Teil „%2“, denselben Inhaltsschlüssel, für ihn verpackt.</translation>
    </message>
    <message>
        <source>The content key: %1</source>
        <translation>Der Inhaltsschlüssel: %1</translation>
    </message>
    <message>
        <source>The content key for recipient %1: %2</source>
        <translation>Der Inhaltsschlüssel für Empfänger %1: %2</translation>
    </message>
    <message>
        <source>ASCII(BASE64URL(UTF8(%1))): the protected header exactly as it stands in the token, %2 characters. It is not encrypted, but the tag covers it, so no header member can be changed.</source>
        <translation>ASCII(BASE64URL(UTF8(%1))): der geschützte Header genau so, wie er im Token steht, %2 Zeichen. Er ist nicht verschlüsselt, aber vom Tag abgedeckt, daher lässt sich kein Header-Member ändern.</translation>
    </message>
    <message>
        <source> This token has an “aad” member, so ‘.’ ‖ BASE64URL(aad) follows: %1 characters in all.</source>
        <translation> Dieses Token hat ein Member „aad“, daher folgt ‚.‘ ‖ BASE64URL(aad): insgesamt %1 Zeichen.</translation>
    </message>
    <message>
        <source> (In the JSON serialization an “aad” member, when there is one, follows as ‘.’ ‖ BASE64URL(aad).)</source>
        <translation> (In der JSON-Serialisierung folgt ein Member „aad“, falls vorhanden, als ‚.‘ ‖ BASE64URL(aad).)</translation>
    </message>
    <message>
        <source>Additional authenticated data (AAD)</source>
        <translation>Zusätzliche authentifizierte Daten (AAD)</translation>
    </message>
    <message>
        <source>Content encryption: %1</source>
        <translation>Inhaltsverschlüsselung: %1</translation>
    </message>
    <message>
        <source>What the tag protects</source>
        <translation>Was das Tag schützt</translation>
    </message>
    <message>
        <source>The %1 authenticates the AAD (the protected header), the %2 and the %3: change one bit of any of them, or use another key, and decryption stops before any plaintext comes out. The %4 is not covered directly, but a changed one gives another content key, and the tag fails then too.%5</source>
        <translation>Der Teil „%1“ authentifiziert die AAD (den geschützten Header), den Teil „%2“ und den Teil „%3“: Ändert sich auch nur ein Bit davon oder wird ein anderer Schlüssel benutzt, bricht die Entschlüsselung ab, bevor Klartext herauskommt. Der Teil „%4“ ist nicht direkt abgedeckt, doch ein geänderter ergibt einen anderen Inhaltsschlüssel, und dann scheitert das Tag ebenfalls.%5</translation>
    </message>
    <message>
        <source> Unprotected headers are not covered at all: what they say is not proven.</source>
        <translation> Ungeschützte Header sind gar nicht abgedeckt: Was darin steht, ist nicht belegt.</translation>
    </message>
    <message>
        <source>With your key</source>
        <translation>Mit Ihrem Schlüssel</translation>
    </message>
    <message>
        <source>Give the decryption key on the Verification tab to decrypt the token here.</source>
        <translation>Geben Sie auf dem Reiter „Prüfung“ den Entschlüsselungsschlüssel an, um das Token hier zu entschlüsseln.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FixtureFiles</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>JsonObjectCheck</name>
    <message>
        <source> in %1</source>
        <translation> in %1</translation>
    </message>
    <message>
        <source>Duplicate member &quot;%1&quot;%2 at %3: verifiers disagree on which value wins (RFC 7515 §5.2)</source>
        <translation>Doppeltes Member „%1“%2 bei %3: Prüfer sind sich uneins, welcher Wert gilt (RFC 7515 §5.2)</translation>
    </message>
    <message>
        <source>The %1 must be a JSON object: { … }</source>
        <translation>Der %1 muss ein JSON-Objekt sein: { … }</translation>
    </message>
</context>
<context>
    <name>KeyExportWords</name>
    <message>
        <source>Public JWK</source>
        <translation>Öffentlicher JWK</translation>
    </message>
    <message>
        <source>Public JWK Set of the selected keys</source>
        <translation>Öffentliches JWK Set der ausgewählten Schlüssel</translation>
    </message>
    <message>
        <source>Public PEM</source>
        <translation>Öffentliches PEM</translation>
    </message>
    <message>
        <source>Private JWK</source>
        <translation>Privater JWK</translation>
    </message>
    <message>
        <source>Private PEM (unencrypted)</source>
        <translation>Privates PEM (unverschlüsselt)</translation>
    </message>
    <message>
        <source>Private PEM, encrypted with a passphrase</source>
        <translation>Privates PEM, mit einer Passphrase verschlüsselt</translation>
    </message>
    <message>
        <source>a secret has no public form.</source>
        <translation>Ein Geheimnis hat keine öffentliche Form.</translation>
    </message>
    <message>
        <source>a secret has no PEM form.</source>
        <translation>Ein Geheimnis hat keine PEM-Form.</translation>
    </message>
    <message>
        <source>no key is selected.</source>
        <translation>Es ist kein Schlüssel ausgewählt.</translation>
    </message>
    <message>
        <source>the passphrase is empty.</source>
        <translation>Die Passphrase ist leer.</translation>
    </message>
</context>
<context>
    <name>KeyFile</name>
    <message>
        <source>%1 is larger than 1 MiB: that is not a key file.</source>
        <translation>%1 ist größer als 1 MiB: Das ist keine Schlüsseldatei.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No token.</source>
        <translation>Kein Token.</translation>
    </message>
    <message>
        <source>Only HS256, HS384 and HS512 tokens have a secret to search for.</source>
        <translation>Nur HS256-, HS384- und HS512-Tokens haben ein Geheimnis, nach dem sich suchen lässt.</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <source>cannot write the screenshot to %1</source>
        <translation>das Bildschirmfoto kann nicht nach %1 geschrieben werden</translation>
    </message>
</context>
<context>
    <name>SigningSteps</name>
    <message>
        <source>HMAC-%1 mixes the shared secret into the %1 hash of the signing input; the %2-byte result is the signature, and anyone who knows the secret can make it.</source>
        <translation>HMAC-%1 mischt das gemeinsame Geheimnis in den %1-Hash der Signatureingabe; das %2 Byte lange Ergebnis ist die Signatur, und jeder, der das Geheimnis kennt, kann sie erzeugen.</translation>
    </message>
    <message>
        <source>RSASSA-PKCS1-v1_5: the %1 digest is wrapped in a DigestInfo, padded to the key size and raised to the private exponent; the public key undoes it to check.</source>
        <translation>RSASSA-PKCS1-v1_5: Der %1-Hashwert wird in eine DigestInfo gepackt, auf die Schlüsselgröße aufgefüllt und mit dem privaten Exponenten potenziert; der öffentliche Schlüssel macht das zum Prüfen rückgängig.</translation>
    </message>
    <message>
        <source>RSASSA-PSS: the %1 digest is mixed with a random salt as long as the hash (MGF1 with %1) and signed with the private key, so each signature differs; the public key checks it.</source>
        <translation>RSASSA-PSS: Der %1-Hashwert wird mit einem zufälligen Salt von Hashlänge gemischt (MGF1 mit %1) und mit dem privaten Schlüssel signiert, daher ist jede Signatur anders; der öffentliche Schlüssel prüft sie.</translation>
    </message>
    <message>
        <source>ECDSA on %1: the %2 digest is signed with the private key and a fresh random number; the signature is R ‖ S, %3 bytes each, and the public key checks it.</source>
        <translation>ECDSA auf %1: Der %2-Hashwert wird mit dem privaten Schlüssel und einer frischen Zufallszahl signiert; die Signatur ist R ‖ S, je %3 Byte, und der öffentliche Schlüssel prüft sie.</translation>
    </message>
    <message>
        <source>EdDSA signs the signing input itself (it hashes internally): Ed25519 gives 64 bytes, Ed448 114; the same key and input always give the same signature.</source>
        <translation>EdDSA signiert die Signatureingabe selbst (der Hash wird intern gebildet): Ed25519 ergibt 64 Byte, Ed448 114; derselbe Schlüssel und dieselbe Eingabe ergeben immer dieselbe Signatur.</translation>
    </message>
    <message>
        <source>alg &quot;none&quot;: there is no signature at all, so anyone could have made this token.</source>
        <translation>alg „none“: Es gibt überhaupt keine Signatur, jeder könnte dieses Token erstellt haben.</translation>
    </message>
    <message>
        <source>Give a key on the Verification tab to recompute or check the signature here.</source>
        <translation>Geben Sie auf dem Reiter „Prüfung“ einen Schlüssel an, um die Signatur hier neu zu berechnen oder zu prüfen.</translation>
    </message>
    <message>
        <source>HMAC recomputed with your key:&lt;br&gt;%1&lt;br&gt;</source>
        <translation>HMAC, mit Ihrem Schlüssel neu berechnet:&lt;br&gt;%1&lt;br&gt;</translation>
    </message>
    <message>
        <source>Equal to the token&apos;s signature, byte for byte: valid.</source>
        <translation>Byte für Byte gleich der Signatur des Tokens: gültig.</translation>
    </message>
    <message>
        <source>Differs from the token&apos;s signature from byte %1 on: the header or payload was changed, or the secret is not the one that signed it.</source>
        <translation>Weicht ab Byte %1 von der Signatur des Tokens ab: Header oder Payload wurden geändert, oder das Geheimnis ist nicht das, mit dem signiert wurde.</translation>
    </message>
    <message>
        <source>Checked with %1: </source>
        <translation>Geprüft mit %1: </translation>
    </message>
    <message>
        <source>Signing input</source>
        <translation>Signatureingabe</translation>
    </message>
    <message>
        <source>ASCII(&lt;span style=&quot;color:%1&quot;&gt;BASE64URL(header)&lt;/span&gt; ‖ &apos;.&apos; ‖ &lt;span style=&quot;color:%2&quot;&gt;BASE64URL(payload)&lt;/span&gt;): %3 characters, exactly as they stand in the token.&lt;br&gt;&lt;code&gt;%4&lt;/code&gt;</source>
        <translation>ASCII(&lt;span style=&quot;color:%1&quot;&gt;BASE64URL(header)&lt;/span&gt; ‖ &apos;.&apos; ‖ &lt;span style=&quot;color:%2&quot;&gt;BASE64URL(payload)&lt;/span&gt;): %3 Zeichen, genau so, wie sie im Token stehen.&lt;br&gt;&lt;code&gt;%4&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>The header names no algorithm this program knows, so there is no signature to explain.</source>
        <translation>Der Header nennt keinen Algorithmus, den dieses Programm kennt, daher gibt es keine Signatur zu erklären.</translation>
    </message>
    <message>
        <source>%1 of the signing input</source>
        <translation>%1 der Signatureingabe</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The token&apos;s &lt;span style=&quot;color:%1&quot;&gt;signature&lt;/span&gt; (%2 bytes)</source>
        <translation>Die &lt;span style=&quot;color:%1&quot;&gt;Signatur&lt;/span&gt; des Tokens (%2 Byte)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>With your key</source>
        <translation>Mit Ihrem Schlüssel</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
</context>
<context>
    <name>TokenComparison</name>
    <message>
        <source>Paste a token here.</source>
        <translation>Fügen Sie hier ein Token ein.</translation>
    </message>
    <message>
        <source>This is a JWE in the JSON serialization; only compact tokens can be compared.</source>
        <translation>Dies ist ein JWE in JSON-Serialisierung; nur kompakte Tokens lassen sich vergleichen.</translation>
    </message>
    <message>
        <source>Token taken from the %1.</source>
        <translation>Token übernommen aus: %1.</translation>
    </message>
    <message>
        <source>An encrypted token (JWE): only its header is compared, the claims are encrypted.</source>
        <translation>Ein verschlüsseltes Token (JWE): Nur sein Header wird verglichen, die Claims sind verschlüsselt.</translation>
    </message>
    <message>
        <source>no %1</source>
        <translation>kein %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>no alg</source>
        <translation>kein alg</translation>
    </message>
    <message>
        <source>header and claims</source>
        <translation>Header und Claims</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Same %1</source>
        <translation>%1 gleich</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 hinzugekommen</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugekommen</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>changed, %1</source>
        <translation>geändert, %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>UnsavedKeystoreDialog</name>
    <message>
        <source>Keystore Not Saved</source>
        <translation>Schlüsselspeicher nicht gespeichert</translation>
    </message>
    <message>
        <source>Unsaved Keystore Changes</source>
        <translation>Ungespeicherte Änderungen am Schlüsselspeicher</translation>
    </message>
    <message>
        <source>The keystore could not be saved to %1.</source>
        <translation>Der Schlüsselspeicher konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Your change is kept in memory only. Try again, or save the keystore to another file; locking or quitting without saving loses it.</source>
        <translation>Ihre Änderung liegt nur im Arbeitsspeicher. Versuchen Sie es erneut oder speichern Sie den Schlüsselspeicher in eine andere Datei; wer ohne Speichern sperrt oder beendet, verliert sie.</translation>
    </message>
    <message>
        <source>The keystore has changes that are not saved in %1.</source>
        <translation>Der Schlüsselspeicher hat Änderungen, die nicht in %1 gespeichert sind.</translation>
    </message>
    <message>
        <source>Locking it now loses them.</source>
        <translation>Wird er jetzt gesperrt, gehen sie verloren.</translation>
    </message>
    <message>
        <source>Quitting now loses them.</source>
        <translation>Wird jetzt beendet, gehen sie verloren.</translation>
    </message>
    <message>
        <source>Reason: %1

%2</source>
        <translation>Grund: %1

%2</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Discard and Lock</source>
        <translation>&amp;Verwerfen und sperren</translation>
    </message>
    <message>
        <source>&amp;Discard and Quit</source>
        <translation>&amp;Verwerfen und beenden</translation>
    </message>
    <message>
        <source>&amp;Keep in Memory</source>
        <translation>Im Arbeitsspeicher &amp;behalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message>
        <source>The signature is valid (%1)%2.</source>
        <translation>Die Signatur ist gültig (%1)%2.</translation>
    </message>
    <message>
        <source>The signature is not accepted: %1</source>
        <translation>Die Signatur wird nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>The payload is not a JWT claims set, so no claims were checked.</source>
        <translation>Der Payload ist kein JWT-Claims-Set, daher wurden keine Claims geprüft.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>kid=%1</source>
        <translation>kid=%1</translation>
    </message>
    <message>
        <source>Tick “Accept weak keys” to accept it with a warning, as a lenient verifier would.</source>
        <translation>Setzen Sie das Häkchen bei „Schwache Schlüssel akzeptieren“, um ihn wie ein nachsichtiger Prüfer mit einer Warnung zu akzeptieren.</translation>
    </message>
    <message>
        <source>The claims hold at the time checked.</source>
        <translation>Die Claims gelten zum geprüften Zeitpunkt.</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Invalid: the claims do not hold</source>
        <translation>Ungültig: Die Claims gelten nicht</translation>
    </message>
    <message>
        <source>Invalid: algorithm confusion</source>
        <translation>Ungültig: Algorithmusverwechslung</translation>
    </message>
    <message>
        <source>Invalid: the key does not fit</source>
        <translation>Ungültig: Der Schlüssel passt nicht</translation>
    </message>
    <message>
        <source>Invalid: the key is too weak</source>
        <translation>Ungültig: Der Schlüssel ist zu schwach</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Fits this token: %1.</source>
        <translation>Passt zu diesem Token: %1.</translation>
    </message>
    <message>
        <source>Skipped %1: %2.</source>
        <translation>%1 übersprungen: %2.</translation>
    </message>
    <message>
        <source>Not decrypted: wrong key, or the token was changed</source>
        <translation>Nicht entschlüsselt: falscher Schlüssel, oder das Token wurde verändert</translation>
    </message>
    <message>
        <source>Not decrypted: wrong passphrase</source>
        <translation>Nicht entschlüsselt: falsche Passphrase</translation>
    </message>
    <message>
        <source>Not decrypted: unsupported algorithm</source>
        <translation>Nicht entschlüsselt: nicht unterstützter Algorithmus</translation>
    </message>
    <message>
        <source>Not decrypted: over a safety limit</source>
        <translation>Nicht entschlüsselt: über einer Sicherheitsgrenze</translation>
    </message>
    <message>
        <source>Not decrypted: the key does not fit</source>
        <translation>Nicht entschlüsselt: Der Schlüssel passt nicht</translation>
    </message>
    <message>
        <source>Not decrypted: the key is too weak</source>
        <translation>Nicht entschlüsselt: Der Schlüssel ist zu schwach</translation>
    </message>
    <message>
        <source>Not decrypted: the passphrase is empty</source>
        <translation>Nicht entschlüsselt: Die Passphrase ist leer</translation>
    </message>
    <message>
        <source>Not decrypted: the token is malformed</source>
        <translation>Nicht entschlüsselt: Das Token ist fehlerhaft aufgebaut</translation>
    </message>
    <message>
        <source>Tick “Accept weak keys” to decrypt with it anyway.</source>
        <translation>Setzen Sie das Häkchen bei „Schwache Schlüssel akzeptieren“, um trotzdem damit zu entschlüsseln.</translation>
    </message>
    <message>
        <source>Decrypted with %1 / %2</source>
        <translation>Entschlüsselt mit %1 / %2</translation>
    </message>
    <message>
        <source>, key %1 of %2 (%3)</source>
        <translation>, Schlüssel %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>, key %1</source>
        <translation>, Schlüssel %1</translation>
    </message>
    <message>
        <source>, as recipient %1</source>
        <translation>, als Empfänger %1</translation>
    </message>
    <message>
        <source>, then inflated (zip DEF)</source>
        <translation>, dann dekomprimiert (zip DEF)</translation>
    </message>
    <message>
        <source>Invalid: the nested token is broken</source>
        <translation>Ungültig: Das verschachtelte Token ist beschädigt</translation>
    </message>
    <message>
        <source>Layer 1, encryption: %1</source>
        <translation>Ebene 1, Verschlüsselung: %1</translation>
    </message>
    <message>
        <source>Decrypted · signature not verified</source>
        <translation>Entschlüsselt · Signatur nicht geprüft</translation>
    </message>
    <message>
        <source>Layer 2, signature: give the signer&apos;s key under “Signature key” to verify the nested token. Until then anyone could have signed it.</source>
        <translation>Ebene 2, Signatur: Geben Sie unter „Signaturschlüssel“ den Schlüssel des Signierenden an, um das verschachtelte Token zu prüfen. Bis dahin könnte es jeder signiert haben.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Layer 2, signature: %1</source>
        <translation>Ebene 2, Signatur: %1</translation>
    </message>
    <message>
        <source>The claims are encrypted, not signed: anyone who can encrypt to this key could have written them.</source>
        <translation>Die Claims sind verschlüsselt, nicht signiert: Jeder, der für diesen Schlüssel verschlüsseln kann, könnte sie geschrieben haben.</translation>
    </message>
    <message>
        <source>Valid (decrypted)</source>
        <translation>Gültig (entschlüsselt)</translation>
    </message>
    <message>
        <source>The content is not a JWT (no &quot;cty&quot;: &quot;JWT&quot;, and not a JSON object): it is shown on the Decoded tab as it is.</source>
        <translation>Der Inhalt ist kein JWT (kein &quot;cty&quot;: &quot;JWT&quot; und kein JSON-Objekt): Er wird auf dem Reiter „Dekodiert“ so angezeigt, wie er ist.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::CheckList</name>
    <message>
        <source>✓ passed</source>
        <translation>✓ bestanden</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ fehlgeschlagen</translation>
    </message>
    <message>
        <source>– not checked</source>
        <translation>– nicht geprüft</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::ClaimHelpers</name>
    <message>
        <source>iat = now</source>
        <translation>iat = jetzt</translation>
    </message>
    <message>
        <source>Issued at: the current time</source>
        <translation>Ausgestellt am: die aktuelle Zeit</translation>
    </message>
    <message>
        <source>nbf = now</source>
        <translation>nbf = jetzt</translation>
    </message>
    <message>
        <source>Not before: valid from the current time</source>
        <translation>Nicht vor: gültig ab der aktuellen Zeit</translation>
    </message>
    <message>
        <source>exp = now +</source>
        <translation>exp = jetzt +</translation>
    </message>
    <message>
        <source>Expiry: the current time plus the duration on the right</source>
        <translation>Ablauf: die aktuelle Zeit plus die Dauer rechts</translation>
    </message>
    <message>
        <source>jti = random UUID</source>
        <translation>jti = zufällige UUID</translation>
    </message>
    <message>
        <source>A unique token id (UUID version 4 from OpenSSL&apos;s random)</source>
        <translation>Eine eindeutige Token-ID (UUID Version 4 aus dem Zufallsgenerator von OpenSSL)</translation>
    </message>
    <message>
        <source>Apply Template</source>
        <translation>Vorlage anwenden</translation>
    </message>
    <message>
        <source>Replace the payload with the chosen shape: iss, sub, aud and scope are placeholders; a DPoP proof gets the signing key&apos;s public half as its &quot;jwk&quot;</source>
        <translation>Ersetzt den Payload durch die gewählte Form: iss, sub, aud und scope sind Platzhalter; ein DPoP-Nachweis bekommt die öffentliche Hälfte des Signaturschlüssels als &quot;jwk&quot;</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>e.g. 2h30m</source>
        <translation>z. B. 2h30m</translation>
    </message>
    <message>
        <source>A duration: 90, 30s, 15m, 90m, 2h30m, 1d, 1w</source>
        <translation>Eine Dauer: 90, 30s, 15m, 90m, 2h30m, 1d, 1w</translation>
    </message>
    <message>
        <source>DPoP proof (RFC 9449)</source>
        <translation>DPoP-Nachweis (RFC 9449)</translation>
    </message>
    <message>
        <source>htm: the HTTP method of the request the proof goes with</source>
        <translation>htm: die HTTP-Methode der Anfrage, zu der der Nachweis gehört</translation>
    </message>
    <message>
        <source>htu: the URL of the request, without query and fragment</source>
        <translation>htu: die URL der Anfrage, ohne Query und Fragment</translation>
    </message>
    <message>
        <source>optional: the access token the proof goes with (for ath)</source>
        <translation>optional: das Zugriffstoken, zu dem der Nachweis gehört (für ath)</translation>
    </message>
    <message>
        <source>ath: the proof carries the SHA-256 of the access token it is sent with</source>
        <translation>ath: Der Nachweis enthält den SHA-256 des Zugriffstokens, mit dem er gesendet wird</translation>
    </message>
    <message>
        <source>Expiry duration: %1</source>
        <translation>Gültigkeitsdauer: %1</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::ClaimsModel</name>
    <message>
        <source>%1 if milliseconds</source>
        <translation>%1, falls Millisekunden</translation>
    </message>
    <message>
        <source>Not a registered or well-known claim: its meaning is up to the issuer.</source>
        <translation>Kein registrierter oder bekannter Claim: Seine Bedeutung legt der Aussteller fest.</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Relativ</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>selectively disclosed</source>
        <translation>selektiv offengelegt</translation>
    </message>
    <message>
        <source>always visible</source>
        <translation>immer sichtbar</translation>
    </message>
    <message>
        <source>Revealed by a disclosure: its digest is in the issuer-signed payload, the salt and value came with the SD-JWT</source>
        <translation>Durch eine Disclosure offengelegt: Ihr Digest steht in der vom Aussteller signierten Payload, Salt und Wert kamen mit dem SD-JWT</translation>
    </message>
    <message>
        <source>In the issuer-signed payload itself: every holder of the SD-JWT shows it</source>
        <translation>Steht in der vom Aussteller signierten Payload selbst: Jeder Inhaber des SD-JWT zeigt ihn</translation>
    </message>
    <message>
        <source>base64url of the hash of the disclosure&apos;s base64url text</source>
        <translation>base64url des Hashwerts über den base64url-Text der Disclosure</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>Offenlegung</translation>
    </message>
    <message>
        <source>Salt</source>
        <translation>Salt</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::CompareInput</name>
    <message>
        <source>Paste a token, a Bearer value, an Authorization header or a token response</source>
        <translation>Fügen Sie ein Token, einen Bearer-Wert, einen Authorization-Header oder eine Token-Antwort ein</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::ComparePage</name>
    <message>
        <source>Fi&amp;rst token</source>
        <translation>E&amp;rstes Token</translation>
    </message>
    <message>
        <source>Se&amp;cond token</source>
        <translation>&amp;Zweites Token</translation>
    </message>
    <message>
        <source>Hide &amp;unchanged</source>
        <translation>&amp;Unveränderte ausblenden</translation>
    </message>
    <message>
        <source>Paste a token on each side to compare them.</source>
        <translation>Fügen Sie auf jeder Seite ein Token ein, um sie zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::DecoderPage</name>
    <message>
        <source>%1: invalid UTF-8 at byte %2 (%3: %4)</source>
        <translation>%1: ungültiges UTF-8 bei Byte %2 (%3: %4)</translation>
    </message>
    <message numerus="yes">
        <source>, and %n more invalid sequence(s)</source>
        <translation>
            <numerusform>, und %n weitere ungültige Sequenz</numerusform>
            <numerusform>, und %n weitere ungültige Sequenzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy for a &amp;Bug Report</source>
        <translation>Für einen &amp;Fehlerbericht kopieren</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Nested token · header</source>
        <translation>Verschachteltes Token · Header</translation>
    </message>
    <message>
        <source>Encoded token</source>
        <translation>Kodiertes Token</translation>
    </message>
    <message>
        <source>Token to show</source>
        <translation>Anzuzeigendes Token</translation>
    </message>
    <message>
        <source>The input holds several tokens: choose the one to decode</source>
        <translation>Die Eingabe enthält mehrere Tokens: Wählen Sie das zu dekodierende</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>Dekodiert</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>X-ray</source>
        <translation>Röntgenblick</translation>
    </message>
    <message>
        <source>Weak Secret</source>
        <translation>Schwaches Geheimnis</translation>
    </message>
    <message>
        <source>Decoding…</source>
        <translation>Wird dekodiert …</translation>
    </message>
    <message>
        <source>Verification · valid</source>
        <translation>Prüfung · gültig</translation>
    </message>
    <message>
        <source>Verification · invalid</source>
        <translation>Prüfung · ungültig</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Nested token: %1</source>
        <translation>Verschachteltes Token: %1</translation>
    </message>
    <message>
        <source>Findings (%1)</source>
        <translation>Befunde (%1)</translation>
    </message>
    <message>
        <source>Copy the decoder&apos;s token as text that is safe to share: the header, every claim&apos;s name and type, the times, iss and aud; personal values masked, and no signature, so it can never be replayed</source>
        <translation>Kopiert das Token des Decoders als Text, den man gefahrlos weitergeben kann: den Header, Name und Typ jedes Claims, die Zeiten, iss und aud; persönliche Werte maskiert und ohne Signatur, sodass es nie wieder eingespielt werden kann</translation>
    </message>
    <message>
        <source>Not for an encrypted token (JWE): its claims are encrypted, so they cannot be masked one by one. Decrypt it and copy the nested token from the decoder instead.</source>
        <translation>Nicht für ein verschlüsseltes Token (JWE): Seine Claims sind verschlüsselt und lassen sich nicht einzeln maskieren. Entschlüsseln Sie es und kopieren Sie stattdessen das verschachtelte Token aus dem Decoder.</translation>
    </message>
    <message>
        <source>There is no token that decodes to copy</source>
        <translation>Es gibt kein dekodierbares Token zum Kopieren</translation>
    </message>
    <message>
        <source>Copied for a bug report without the signature; no claim needed masking</source>
        <translation>Für einen Fehlerbericht ohne Signatur kopiert; kein Claim musste maskiert werden</translation>
    </message>
    <message>
        <source>Copied for a bug report without the signature; masked: %1</source>
        <translation>Für einen Fehlerbericht ohne Signatur kopiert; maskiert: %1</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB: that is not a token file.</source>
        <translation>%1 ist größer als %2 MiB: Das ist keine Token-Datei.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a text file (invalid UTF-8 at byte %2).</source>
        <translation>%1 ist keine Textdatei (ungültiges UTF-8 bei Byte %2).</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>%1 geladen</translation>
    </message>
    <message>
        <source>Paste a token above to decode it.</source>
        <translation>Fügen Sie oben ein Token ein, um es zu dekodieren.</translation>
    </message>
    <message>
        <source>This is not a valid token.

%1.</source>
        <translation>Dies ist kein gültiges Token.

%1.</translation>
    </message>
    <message>
        <source>no alg</source>
        <translation>kein alg</translation>
    </message>
    <message>
        <source>Protected header · JWE (encrypted token)</source>
        <translation>Geschützter Header · JWE (verschlüsseltes Token)</translation>
    </message>
    <message>
        <source>Authentication tag · %1</source>
        <translation>Authentifizierungs-Tag · %1</translation>
    </message>
    <message>
        <source>no enc</source>
        <translation>kein enc</translation>
    </message>
    <message>
        <source>Header · algorithm and token type</source>
        <translation>Header · Algorithmus und Token-Typ</translation>
    </message>
    <message>
        <source>Payload · claims</source>
        <translation>Payload · Claims</translation>
    </message>
    <message>
        <source>Payload · JSON</source>
        <translation>Payload · JSON</translation>
    </message>
    <message>
        <source>Payload · empty</source>
        <translation>Payload · leer</translation>
    </message>
    <message>
        <source>The payload is empty: it is detached (RFC 7515 Appendix F) and must be supplied separately to verify the signature.</source>
        <translation>Der Payload ist leer: Er ist abgetrennt (RFC 7515 Anhang F) und muss zum Prüfen der Signatur gesondert angegeben werden.</translation>
    </message>
    <message>
        <source>Payload · text, not JSON (%1)</source>
        <translation>Payload · Text, kein JSON (%1)</translation>
    </message>
    <message>
        <source>Payload · binary, not JSON (%1, hex)</source>
        <translation>Payload · binär, kein JSON (%1, hex)</translation>
    </message>
    <message>
        <source>Signature · %1</source>
        <translation>Signatur · %1</translation>
    </message>
    <message>
        <source>No signature: this token is unsecured and proves nothing about who made it</source>
        <translation>Keine Signatur: Dieses Token ist ungesichert und belegt nichts darüber, wer es erstellt hat</translation>
    </message>
    <message>
        <source>Showing %1 (%2 tokens in the input)</source>
        <translation>Angezeigt: %1 (%2 Tokens in der Eingabe)</translation>
    </message>
    <message>
        <source>Token taken from the %1.</source>
        <translation>Token übernommen aus: %1.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>überzählig</translation>
    </message>
    <message>
        <source>Not in the token.</source>
        <translation>Nicht im Token.</translation>
    </message>
    <message>
        <source>Empty.</source>
        <translation>Leer.</translation>
    </message>
    <message>
        <source>Nothing of it decodes.</source>
        <translation>Nichts davon lässt sich dekodieren.</translation>
    </message>
    <message>
        <source>Header · %1</source>
        <translation>Header · %1</translation>
    </message>
    <message>
        <source>Payload · %1</source>
        <translation>Payload · %1</translation>
    </message>
    <message>
        <source>Encrypted content · %1</source>
        <translation>Verschlüsselter Inhalt · %1</translation>
    </message>
    <message>
        <source>This is a JWE: its content is encrypted. Only the header can be read without the key.</source>
        <translation>Dies ist ein JWE: Sein Inhalt ist verschlüsselt. Ohne den Schlüssel lässt sich nur der Header lesen.</translation>
    </message>
    <message>
        <source>No signature</source>
        <translation>Keine Signatur</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Headers · JWE (JSON serialization)</source>
        <translation>Header · JWE (JSON-Serialisierung)</translation>
    </message>
    <message>
        <source>Encrypted content</source>
        <translation>Verschlüsselter Inhalt</translation>
    </message>
    <message>
        <source>Decrypting…</source>
        <translation>Wird entschlüsselt …</translation>
    </message>
    <message>
        <source>The key given does not decrypt it: %1</source>
        <translation>Der angegebene Schlüssel entschlüsselt es nicht: %1</translation>
    </message>
    <message>
        <source>Give the decryption key on the Verification tab to read it: the recipient&apos;s private key, or the shared key or passphrase.</source>
        <translation>Geben Sie auf dem Reiter „Prüfung“ den Entschlüsselungsschlüssel an, um es zu lesen: den privaten Schlüssel des Empfängers oder den gemeinsamen Schlüssel bzw. die Passphrase.</translation>
    </message>
    <message>
        <source>This is a JWE: its content is encrypted. %1</source>
        <translation>Dies ist ein JWE: Sein Inhalt ist verschlüsselt. %1</translation>
    </message>
    <message>
        <source>Nested token · header · signed with %1</source>
        <translation>Verschachteltes Token · Header · signiert mit %1</translation>
    </message>
    <message>
        <source>Nested token · payload · claims</source>
        <translation>Verschachteltes Token · Payload · Claims</translation>
    </message>
    <message>
        <source>Nested token · payload · JSON</source>
        <translation>Verschachteltes Token · Payload · JSON</translation>
    </message>
    <message>
        <source>Nested token · payload · not JSON (%1)</source>
        <translation>Verschachteltes Token · Payload · kein JSON (%1)</translation>
    </message>
    <message>
        <source>Decrypted payload · claims</source>
        <translation>Entschlüsselter Payload · Claims</translation>
    </message>
    <message>
        <source>Decrypted content · text (%1)</source>
        <translation>Entschlüsselter Inhalt · Text (%1)</translation>
    </message>
    <message>
        <source>Decrypted content · binary (%1, hex)</source>
        <translation>Entschlüsselter Inhalt · binär (%1, hex)</translation>
    </message>
    <message>
        <source>disclosure %1</source>
        <translation>Disclosure %1</translation>
    </message>
    <message>
        <source>issuer-signed JWT</source>
        <translation>vom Aussteller signiertes JWT</translation>
    </message>
    <message>
        <source>A verifier must reject an SD-JWT with this problem: the disclosures are only worth what their digests in the issuer-signed payload vouch for.</source>
        <translation>Ein Prüfer muss ein SD-JWT mit diesem Problem ablehnen: Die Disclosures sind nur so viel wert, wie ihre Digests in der vom Aussteller signierten Payload verbürgen.</translation>
    </message>
    <message>
        <source>Not for an SD-JWT: its disclosures carry the personal values in base64url, and a copy without them would not show what the bug is about. Share the claim names from the Claims tab instead.</source>
        <translation>Nicht für ein SD-JWT: Seine Disclosures tragen die persönlichen Werte in base64url, und eine Kopie ohne sie zeigte nicht, worum es im Fehler geht. Teilen Sie stattdessen die Claim-Namen aus dem Reiter „Claims“.</translation>
    </message>
    <message>
        <source>SD-JWT that cannot be read: only its issuer-signed JWT is shown</source>
        <translation>SD-JWT, das sich nicht lesen lässt: Nur sein vom Aussteller signiertes JWT wird gezeigt</translation>
    </message>
    <message>
        <source>SD-JWT (selective disclosure) · %1 · with a key binding JWT</source>
        <translation>SD-JWT (selektive Offenlegung) · %1 · mit Key-Binding-JWT</translation>
    </message>
    <message>
        <source>SD-JWT (selective disclosure) · %1 · no key binding JWT</source>
        <translation>SD-JWT (selektive Offenlegung) · %1 · ohne Key-Binding-JWT</translation>
    </message>
    <message>
        <source>Payload · claims as the issuer signed them, with the digests of the disclosures</source>
        <translation>Payload · Claims, wie der Aussteller sie signiert hat, mit den Digests der Disclosures</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Findings · %n error(s)</source>
        <translation>
            <numerusform>Befunde · %n Fehler</numerusform>
            <numerusform>Befunde · %n Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>Every digest in the payload is disclosed: no claim is hidden.</source>
        <translation>Jeder Digest in der Payload ist offengelegt: kein Claim ist verborgen.</translation>
    </message>
    <message numerus="yes">
        <source>%n digest(s) are not disclosed (decoys included); their claims cannot be recovered from the token.</source>
        <translation>
            <numerusform>%n Digest ist nicht offengelegt (vielleicht eine Attrappe); sein Claim lässt sich aus dem Token nicht gewinnen.</numerusform>
            <numerusform>%n Digests sind nicht offengelegt (Attrappen eingeschlossen); ihre Claims lassen sich aus dem Token nicht gewinnen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disclosure(s)</source>
        <translation>
            <numerusform>%n Disclosure</numerusform>
            <numerusform>%n Disclosures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::DisclosureSteps</name>
    <message>
        <source>the payload&apos;s top level (%1)</source>
        <translation>der obersten Ebene der Payload (%1)</translation>
    </message>
    <message>
        <source>array element</source>
        <translation>Array-Element</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Disclosure %1: %2</source>
        <translation>Disclosure %1: %2</translation>
    </message>
    <message>
        <source>Disclosures · how each one hashes to its digest</source>
        <translation>Disclosures · wie jede zu ihrem Digest gehasht wird</translation>
    </message>
    <message>
        <source>Disclosure to explain</source>
        <translation>Zu erklärende Disclosure</translation>
    </message>
    <message>
        <source>&lt;p&gt;This SD-JWT has no disclosures: every claim it shows is in the issuer-signed payload.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieses SD-JWT hat keine Disclosures: Jeder Claim, den es zeigt, steht in der vom Aussteller signierten Payload.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;1. The disclosure as it appears&lt;/b&gt; (position %1 of the SD-JWT, %2 characters of base64url):</source>
        <translation>&lt;b&gt;1. Die Disclosure, wie sie dasteht&lt;/b&gt; (Position %1 im SD-JWT, %2 Zeichen base64url):</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Decoded:&lt;/b&gt; it is not base64url (%1), so it discloses nothing.</source>
        <translation>&lt;b&gt;2. Dekodiert:&lt;/b&gt; Sie ist kein base64url (%1) und legt daher nichts offen.</translation>
    </message>
    <message>
        <source>(not UTF-8)</source>
        <translation>(kein UTF-8)</translation>
    </message>
    <message>
        <source>[salt, claim name, value]: salt %1, name %2, value %3</source>
        <translation>[Salt, Claim-Name, Wert]: Salt %1, Name %2, Wert %3</translation>
    </message>
    <message>
        <source>[salt, value], an array element: salt %1, value %2</source>
        <translation>[Salt, Wert], ein Array-Element: Salt %1, Wert %2</translation>
    </message>
    <message>
        <source>not a well-formed disclosure: a JSON array [salt, name, value] or [salt, value] was expected</source>
        <translation>keine wohlgeformte Disclosure: Erwartet wurde ein JSON-Array [Salt, Name, Wert] oder [Salt, Wert]</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Decoded&lt;/b&gt;, its bytes are the JSON array %1&lt;br&gt;%2</source>
        <translation>&lt;b&gt;2. Dekodiert&lt;/b&gt; sind ihre Bytes das JSON-Array %1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;3. Hash:&lt;/b&gt; &quot;_sd_alg&quot; is %1, which this program does not compute, so the digest is not known.</source>
        <translation>&lt;b&gt;3. Hash:&lt;/b&gt; „_sd_alg“ ist %1, das dieses Programm nicht berechnet; der Digest ist daher unbekannt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;3. Hash:&lt;/b&gt; &quot;_sd_alg&quot; is %1, so %2 runs over the %3 ASCII bytes of the base64url text exactly as it appears above (not over the decoded JSON: re-encoding it could change a byte).</source>
        <translation>&lt;b&gt;3. Hash:&lt;/b&gt; „_sd_alg“ ist %1, also läuft %2 über die %3 ASCII-Bytes des base64url-Textes genau so, wie er oben steht (nicht über das dekodierte JSON: neu kodiert könnte sich ein Byte ändern).</translation>
    </message>
    <message>
        <source>&lt;b&gt;4. Digest&lt;/b&gt;, the hash in base64url:</source>
        <translation>&lt;b&gt;4. Digest&lt;/b&gt;, der Hashwert in base64url:</translation>
    </message>
    <message>
        <source>&lt;b&gt;5. Found:&lt;/b&gt; nowhere. No &quot;_sd&quot; array and no {&quot;...&quot;: …} element of the issuer-signed payload holds this digest, so the disclosure is not part of the SD-JWT (see the Findings tab).</source>
        <translation>&lt;b&gt;5. Gefunden:&lt;/b&gt; nirgends. Kein „_sd“-Array und kein {&quot;...&quot;: …}-Element der vom Aussteller signierten Payload enthält diesen Digest; die Disclosure gehört daher nicht zum SD-JWT (siehe Reiter „Befunde“).</translation>
    </message>
    <message>
        <source>&lt;b&gt;5. Found&lt;/b&gt; in the &quot;_sd&quot; array of %1: the issuer signed the digest, not the claim. It discloses %2.</source>
        <translation>&lt;b&gt;5. Gefunden&lt;/b&gt; im „_sd“-Array von %1: Der Aussteller hat den Digest signiert, nicht den Claim. Sie legt %2 offen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;5. Found&lt;/b&gt; as the {&quot;...&quot;: digest} element of the array %1: it discloses the element %2.</source>
        <translation>&lt;b&gt;5. Gefunden&lt;/b&gt; als {&quot;...&quot;: Digest}-Element des Arrays %1: Sie legt das Element %2 offen.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::DpopChecksView</name>
    <message>
        <source>This is a DPoP proof (RFC 9449). It carries the public key it was signed with in its header (&quot;jwk&quot;) and is verified with that key: the one kind of token where a key in the header is right. A valid proof shows only that the client holds that key; the access token&apos;s cnf.jkt is what binds the key to the token.</source>
        <translation>Dies ist ein DPoP-Nachweis (RFC 9449). Er trägt den öffentlichen Schlüssel, mit dem er signiert wurde, in seinem Header (&quot;jwk&quot;) und wird mit diesem Schlüssel geprüft: die einzige Art Token, bei der ein Schlüssel im Header richtig ist. Ein gültiger Nachweis zeigt nur, dass der Client diesen Schlüssel besitzt; erst cnf.jkt des Zugriffstokens bindet den Schlüssel an das Token.</translation>
    </message>
    <message>
        <source>the request&apos;s method</source>
        <translation>die Methode der Anfrage</translation>
    </message>
    <message>
        <source>The HTTP method of the request the proof came with; htm must be exactly this (methods are case-sensitive).</source>
        <translation>Die HTTP-Methode der Anfrage, mit der der Nachweis kam; htm muss genau diese sein (bei Methoden zählt Groß- und Kleinschreibung).</translation>
    </message>
    <message>
        <source>the request&apos;s URL, e.g. https://api.example.com/orders</source>
        <translation>die URL der Anfrage, z. B. https://api.example.com/orders</translation>
    </message>
    <message>
        <source>The URL of the request; htu is compared without query and fragment, with scheme and host in any case and no default port (RFC 9449 §4.3).</source>
        <translation>Die URL der Anfrage; htu wird ohne Query und Fragment verglichen, Schema und Host ohne Rücksicht auf Groß- und Kleinschreibung und ohne Standardport (RFC 9449 §4.3).</translation>
    </message>
    <message>
        <source>optional: the access token sent with the proof</source>
        <translation>optional: das mit dem Nachweis gesendete Zugriffstoken</translation>
    </message>
    <message>
        <source>ath must be the SHA-256 of this token, and a JWT access token&apos;s cnf.jkt the thumbprint of the proof&apos;s key. &quot;Authorization: DPoP …&quot; may be pasted whole.</source>
        <translation>ath muss der SHA-256 dieses Tokens sein und cnf.jkt eines JWT-Zugriffstokens der Fingerabdruck des Schlüssels im Nachweis. &quot;Authorization: DPoP …&quot; kann vollständig eingefügt werden.</translation>
    </message>
    <message>
        <source>optional: the nonce the server handed out</source>
        <translation>optional: die vom Server ausgegebene Nonce</translation>
    </message>
    <message>
        <source>HTTP &amp;method (htm)</source>
        <translation>HTTP-&amp;Methode (htm)</translation>
    </message>
    <message>
        <source>&amp;URL (htu)</source>
        <translation>&amp;URL (htu)</translation>
    </message>
    <message>
        <source>Access &amp;token</source>
        <translation>Zugriffs&amp;token</translation>
    </message>
    <message>
        <source>&amp;Nonce</source>
        <translation>&amp;Nonce</translation>
    </message>
    <message>
        <source>%1 It was made with the key in the proof&apos;s own header (%2).</source>
        <translation>%1 Er wurde mit dem Schlüssel im eigenen Header des Nachweises erstellt (%2).</translation>
    </message>
    <message>
        <source>Give the request&apos;s method above to check htm (the proof says &quot;%1&quot;).</source>
        <translation>Geben Sie oben die Methode der Anfrage an, um htm zu prüfen (der Nachweis sagt „%1“).</translation>
    </message>
    <message>
        <source>Give the request&apos;s URL above to check htu (the proof says &quot;%1&quot;).</source>
        <translation>Geben Sie oben die URL der Anfrage an, um htu zu prüfen (der Nachweis sagt „%1“).</translation>
    </message>
    <message>
        <source>Invalid DPoP proof</source>
        <translation>Ungültiger DPoP-Nachweis</translation>
    </message>
    <message>
        <source>This DPoP proof cannot be checked: %1</source>
        <translation>Dieser DPoP-Nachweis kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>There is no DPoP proof to check.</source>
        <translation>Es gibt keinen DPoP-Nachweis zu prüfen.</translation>
    </message>
    <message numerus="yes">
        <source>Invalid DPoP proof: %n check(s) fail</source>
        <translation>
            <numerusform>Ungültiger DPoP-Nachweis: %n Prüfung schlägt fehl</numerusform>
            <numerusform>Ungültiger DPoP-Nachweis: %n Prüfungen schlagen fehl</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, thumbprint %2</source>
        <translation>%1, Fingerabdruck %2</translation>
    </message>
    <message>
        <source>The proof is signed with the key in its own header (%1), and every check that can run holds.</source>
        <translation>Der Nachweis ist mit dem Schlüssel in seinem eigenen Header signiert (%1), und jede Prüfung, die laufen kann, ist bestanden.</translation>
    </message>
    <message>
        <source>Give the HTTP method and the URL of the request the proof came with to check htm and htu.</source>
        <translation>Geben Sie die HTTP-Methode und die URL der Anfrage an, mit der der Nachweis kam, um htm und htu zu prüfen.</translation>
    </message>
    <message>
        <source>DPoP proof: give the request&apos;s method and URL to check it.</source>
        <translation>DPoP-Nachweis: Geben Sie Methode und URL der Anfrage an, um ihn zu prüfen.</translation>
    </message>
    <message>
        <source>Every check holds: signed with the key in its own header (%1), for %2 %3, made within the iat window.</source>
        <translation>Jede Prüfung ist bestanden: signiert mit dem Schlüssel im eigenen Header (%1), für %2 %3, erstellt innerhalb des iat-Zeitfensters.</translation>
    </message>
    <message>
        <source>No access token given: ath and cnf.jkt are not checked.</source>
        <translation>Kein Zugriffstoken angegeben: ath und cnf.jkt werden nicht geprüft.</translation>
    </message>
    <message>
        <source>Valid DPoP proof</source>
        <translation>Gültiger DPoP-Nachweis</translation>
    </message>
    <message>
        <source>every DPoP check holds.</source>
        <translation>jede DPoP-Prüfung ist bestanden.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::EncryptionStep</name>
    <message>
        <source>the shared key is the content key</source>
        <translation>Der gemeinsame Schlüssel ist der Inhaltsschlüssel</translation>
    </message>
    <message>
        <source>AES key wrap</source>
        <translation>AES Key Wrap</translation>
    </message>
    <message>
        <source>AES-GCM key wrap</source>
        <translation>AES-GCM Key Wrap</translation>
    </message>
    <message>
        <source>a passphrase, PBKDF2 with %1</source>
        <translation>eine Passphrase, PBKDF2 mit %1</translation>
    </message>
    <message>
        <source>RSA with OAEP padding (%1)</source>
        <translation>RSA mit OAEP-Padding (%1)</translation>
    </message>
    <message>
        <source>ECDH: the agreed key is the content key</source>
        <translation>ECDH: Der vereinbarte Schlüssel ist der Inhaltsschlüssel</translation>
    </message>
    <message>
        <source>ECDH, then AES key wrap</source>
        <translation>ECDH, dann AES Key Wrap</translation>
    </message>
    <message>
        <source>AES-GCM, %1-bit key</source>
        <translation>AES-GCM, %1-Bit-Schlüssel</translation>
    </message>
    <message>
        <source>AES-CBC with HMAC-%1</source>
        <translation>AES-CBC mit HMAC-%1</translation>
    </message>
    <message>
        <source>Compress f&amp;irst (zip &quot;DEF&quot;)</source>
        <translation>&amp;Vorher komprimieren (zip &quot;DEF&quot;)</translation>
    </message>
    <message>
        <source>No: a signed token (JWS)</source>
        <translation>Nein: ein signiertes Token (JWS)</translation>
    </message>
    <message>
        <source>After signing: a nested JWT (JWE with cty &quot;JWT&quot;)</source>
        <translation>Nach dem Signieren: ein verschachteltes JWT (JWE mit cty &quot;JWT&quot;)</translation>
    </message>
    <message>
        <source>Instead of signing: encrypted claims (JWE)</source>
        <translation>Statt zu signieren: verschlüsselte Claims (JWE)</translation>
    </message>
    <message>
        <source>Encrypt the signed token, so that only the recipient can read it and the signature inside still says who made it; or encrypt the claims alone, which keeps them secret but proves nothing about who wrote them when a public key encrypts them.</source>
        <translation>Verschlüsselt das signierte Token, sodass nur der Empfänger es lesen kann und die Signatur darin weiterhin sagt, wer es erstellt hat; oder verschlüsselt nur die Claims, was sie geheim hält, aber nichts über ihren Verfasser belegt, wenn ein öffentlicher Schlüssel sie verschlüsselt.</translation>
    </message>
    <message>
        <source>How the content key reaches the recipient (&quot;alg&quot;, RFC 7518 §4). Only what the key can do is offered.</source>
        <translation>Wie der Inhaltsschlüssel zum Empfänger gelangt (&quot;alg&quot;, RFC 7518 §4). Angeboten wird nur, was der Schlüssel kann.</translation>
    </message>
    <message>
        <source>How the content is encrypted (&quot;enc&quot;, RFC 7518 §5)</source>
        <translation>Wie der Inhalt verschlüsselt wird (&quot;enc&quot;, RFC 7518 §5)</translation>
    </message>
    <message>
        <source>DEFLATE before encrypting. The length of compressed content can give away what it says when an attacker can add text of their own to it (RFC 8725 §3.6).</source>
        <translation>DEFLATE vor dem Verschlüsseln. Die Länge komprimierter Inhalte kann verraten, was darin steht, wenn ein Angreifer eigenen Text hinzufügen kann (RFC 8725 §3.6).</translation>
    </message>
    <message>
        <source>Encr&amp;ypt:</source>
        <translation>Ver&amp;schlüsseln:</translation>
    </message>
    <message>
        <source>Key manage&amp;ment:</source>
        <translation>Schlüssel&amp;verwaltung:</translation>
    </message>
    <message>
        <source>Co&amp;ntent:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <source>This key cannot encrypt</source>
        <translation>Dieser Schlüssel kann nicht verschlüsseln</translation>
    </message>
    <message>
        <source>Needs a key</source>
        <translation>Braucht einen Schlüssel</translation>
    </message>
    <message>
        <source>Needs an algorithm</source>
        <translation>Braucht einen Algorithmus</translation>
    </message>
    <message>
        <source>Only the holder of the private key can read the token; anyone with the public key could have made it, which is why a signature inside says who did.</source>
        <translation>Nur der Inhaber des privaten Schlüssels kann das Token lesen; jeder mit dem öffentlichen Schlüssel könnte es erstellt haben, deshalb sagt eine Signatur darin, wer es war.</translation>
    </message>
    <message>
        <source>Give the recipient&apos;s public key, or a shared key or passphrase.</source>
        <translation>Geben Sie den öffentlichen Schlüssel des Empfängers an oder einen gemeinsamen Schlüssel bzw. eine Passphrase.</translation>
    </message>
    <message>
        <source>%1 cannot encrypt a JWE: that takes an RSA key, an EC P-256, P-384 or P-521 key, an X25519 or X448 key, a shared key of 16, 24, 32, 48 or 64 bytes, or a passphrase.</source>
        <translation>%1 kann kein JWE verschlüsseln: Dafür braucht es einen RSA-Schlüssel, einen EC-Schlüssel auf P-256, P-384 oder P-521, einen X25519- oder X448-Schlüssel, einen gemeinsamen Schlüssel mit 16, 24, 32, 48 oder 64 Byte oder eine Passphrase.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::ExportKeyDialog</name>
    <message>
        <source>Export “%1” to a File</source>
        <translation>„%1“ in eine Datei exportieren</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>A secret has only its private JWK form</source>
        <translation>Ein Geheimnis hat nur seine private JWK-Form</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>D&amp;atei:</translation>
    </message>
    <message>
        <source>The private key, encrypted with a passphrase you choose next (PKCS#8, PBES2 with AES-256). The file is readable only by you.</source>
        <translation>Der private Schlüssel, verschlüsselt mit einer Passphrase, die Sie als Nächstes wählen (PKCS#8, PBES2 mit AES-256). Nur Sie können die Datei lesen.</translation>
    </message>
    <message>
        <source>The private key, unencrypted: anyone who reads the file has the key. The file is readable only by you.</source>
        <translation>Der private Schlüssel, unverschlüsselt: Wer die Datei liest, hat den Schlüssel. Nur Sie können die Datei lesen.</translation>
    </message>
    <message>
        <source>Public material only: safe to publish.</source>
        <translation>Nur öffentliche Daten: gefahrlos zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Export to File</source>
        <translation>In Datei exportieren</translation>
    </message>
    <message>
        <source>Replace File</source>
        <translation>Datei ersetzen</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::FindingsModel</name>
    <message>
        <source>%1

Reference: %2</source>
        <translation>%1

Quelle: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::FixturesDialog</name>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Write Files</source>
        <translation>Dateien sc&amp;hreiben</translation>
    </message>
    <message>
        <source>Export Test Tokens</source>
        <translation>Test-Tokens exportieren</translation>
    </message>
    <message>
        <source>A token, or claims as a JSON object</source>
        <translation>Ein Token oder Claims als JSON-Objekt</translation>
    </message>
    <message>
        <source>HMAC secret (UTF-8 text)</source>
        <translation>HMAC-Geheimnis (UTF-8-Text)</translation>
    </message>
    <message>
        <source>Private key (PEM or JWK)</source>
        <translation>Privater Schlüssel (PEM oder JWK)</translation>
    </message>
    <message>
        <source>-----BEGIN PRIVATE KEY----- … or a JWK with &quot;d&quot;</source>
        <translation>-----BEGIN PRIVATE KEY----- … oder ein JWK mit &quot;d&quot;</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <source>The claims&apos; iss, else %1</source>
        <translation>iss aus den Claims, sonst %1</translation>
    </message>
    <message>
        <source>The claims&apos; aud, else %1</source>
        <translation>aud aus den Claims, sonst %1</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>&amp;Token or claims:</source>
        <translation>&amp;Token oder Claims:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Expected &amp;issuer:</source>
        <translation>Erwarteter &amp;Aussteller:</translation>
    </message>
    <message>
        <source>Expected &amp;audience:</source>
        <translation>Erwartete &amp;Zielgruppe:</translation>
    </message>
    <message>
        <source>&amp;Leeway:</source>
        <translation>T&amp;oleranz:</translation>
    </message>
    <message>
        <source>Output &amp;folder:</source>
        <translation>A&amp;usgabeordner:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Verifier must</source>
        <translation>Prüfer muss</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Select a token to see why, and the token itself.</source>
        <translation>Wählen Sie ein Token aus, um den Grund und das Token selbst zu sehen.</translation>
    </message>
    <message>
        <source>Folder Not Empty</source>
        <translation>Ordner nicht leer</translation>
    </message>
    <message>
        <source>%1 already holds files. Write the test tokens into it? Test tokens and a manifest from an earlier export are replaced; other files stay.</source>
        <translation>%1 enthält bereits Dateien. Die Test-Tokens trotzdem hineinschreiben? Test-Tokens und ein Manifest aus einem früheren Export werden ersetzt; andere Dateien bleiben.</translation>
    </message>
    <message>
        <source>The key given: %1</source>
        <translation>Der angegebene Schlüssel: %1</translation>
    </message>
    <message>
        <source>The key: %1</source>
        <translation>Der Schlüssel: %1</translation>
    </message>
    <message>
        <source>Paste a token or claims to start from.</source>
        <translation>Fügen Sie ein Token oder Claims als Ausgangspunkt ein.</translation>
    </message>
    <message>
        <source>%1 tokens: %2 must be accepted, %3 rejected by a verifier that allows %4, expects iss %5 and aud %6, with %7 s leeway.</source>
        <translation>%1 Tokens: %2 muss ein Prüfer akzeptieren und %3 ablehnen, der %4 erlaubt, iss %5 und aud %6 erwartet, mit %7 s Toleranz.</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>akzeptieren</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>ablehnen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>Generate the tokens first.</source>
        <translation>Erzeugen Sie zuerst die Tokens.</translation>
    </message>
    <message>
        <source>Choose the folder to write the tokens into.</source>
        <translation>Wählen Sie den Ordner, in den die Tokens geschrieben werden.</translation>
    </message>
    <message>
        <source>Nothing written: %1 already holds files.</source>
        <translation>Nichts geschrieben: %1 enthält bereits Dateien.</translation>
    </message>
    <message>
        <source>Wrote %1 tokens and %2 to %3.</source>
        <translation>%1 Tokens und %2 nach %3 geschrieben.</translation>
    </message>
    <message>
        <source>Folder for the Test Tokens</source>
        <translation>Ordner für die Test-Tokens</translation>
    </message>
    <message>
        <source>Open Private Key</source>
        <translation>Privaten Schlüssel öffnen</translation>
    </message>
    <message>
        <source>Keys (*.pem *.key *.jwk *.json);;All files (*)</source>
        <translation>Schlüssel (*.pem *.key *.jwk *.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::ImportKeyDialog</name>
    <message>
        <source>Import Keys</source>
        <translation>Schlüssel importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Paste a JWK, a JWK Set or PEM (keys, certificates); an encrypted PEM asks for its passphrase.</source>
        <translation>Fügen Sie einen JWK, ein JWK Set oder PEM ein (Schlüssel, Zertifikate); ein verschlüsseltes PEM fragt nach seiner Passphrase.</translation>
    </message>
    <message>
        <source>A key file: PEM (also encrypted), DER, a certificate, a JWK or a JWK Set, at most 1&#xa0;MiB.</source>
        <translation>Eine Schlüsseldatei: PEM (auch verschlüsselt), DER, ein Zertifikat, ein JWK oder ein JWK Set, höchstens 1&#xa0;MiB.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Path of the key file</source>
        <translation>Pfad der Schlüsseldatei</translation>
    </message>
    <message>
        <source>A shared secret for HMAC (HS256, HS384, HS512), in the encoding it is written in.</source>
        <translation>Ein gemeinsames Geheimnis für HMAC (HS256, HS384, HS512), in der Kodierung, in der es geschrieben ist.</translation>
    </message>
    <message>
        <source>e.g. webhook secret</source>
        <translation>z. B. Webhook-Geheimnis</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Ein&amp;fügen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>S&amp;ecret</source>
        <translation>Ge&amp;heimnis</translation>
    </message>
    <message>
        <source>Open Key File</source>
        <translation>Schlüsseldatei öffnen</translation>
    </message>
    <message>
        <source>Keys (*.pem *.crt *.cer *.der *.key *.json *.jwk *.jwks);;All files (*)</source>
        <translation>Schlüssel (*.pem *.crt *.cer *.der *.key *.json *.jwk *.jwks);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Type the secret and say how it is written.</source>
        <translation>Geben Sie das Geheimnis ein und wählen Sie, wie es geschrieben ist.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The secret cannot be read: %1</source>
        <translation>Das Geheimnis kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::JweEncryption</name>
    <message>
        <source>Encryption stopped before it ended.</source>
        <translation>Die Verschlüsselung wurde vor ihrem Ende abgebrochen.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeyDetailsPane</name>
    <message>
        <source>JWK thumbprint (SHA-256): %1</source>
        <translation>JWK-Fingerabdruck (SHA-256): %1</translation>
    </message>
    <message>
        <source>Thumbprint URI: %1</source>
        <translation>Fingerabdruck-URI: %1</translation>
    </message>
    <message>
        <source>Signs and verifies: %1</source>
        <translation>Signiert und prüft: %1</translation>
    </message>
    <message>
        <source>Verifies: %1</source>
        <translation>Prüft: %1</translation>
    </message>
    <message>
        <source>no JWS algorithm</source>
        <translation>kein JWS-Algorithmus</translation>
    </message>
    <message>
        <source>Save &amp;Details</source>
        <translation>Angaben &amp;speichern</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. production, billing</source>
        <translation>Durch Kommas getrennt, z. B. production, billing</translation>
    </message>
    <message>
        <source>Public JWK</source>
        <translation>Öffentlicher JWK</translation>
    </message>
    <message>
        <source>Public PEM</source>
        <translation>Öffentliches PEM</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Bezeichnung:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>A secret has no public form: export it explicitly to see it.</source>
        <translation>Ein Geheimnis hat keine öffentliche Form: Exportieren Sie es ausdrücklich, um es zu sehen.</translation>
    </message>
    <message>
        <source>A secret has no PEM form.</source>
        <translation>Ein Geheimnis hat keine PEM-Form.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeyInput</name>
    <message>
        <source>O&amp;pen Key File…</source>
        <translation>Schlüsseldatei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Shared key or passphrase</source>
        <translation>Gemeinsamer Schlüssel oder Passphrase</translation>
    </message>
    <message>
        <source>HMAC secret</source>
        <translation>HMAC-Geheimnis</translation>
    </message>
    <message>
        <source>Key: PEM, DER, JWK or JWK Set</source>
        <translation>Schlüssel: PEM, DER, JWK oder JWK Set</translation>
    </message>
    <message>
        <source>Private key: PEM, DER or JWK</source>
        <translation>Privater Schlüssel: PEM, DER oder JWK</translation>
    </message>
    <message>
        <source>Private key: PEM, DER, JWK or JWK Set</source>
        <translation>Privater Schlüssel: PEM, DER, JWK oder JWK Set</translation>
    </message>
    <message>
        <source>Recipient&apos;s public key: PEM, DER or JWK</source>
        <translation>Öffentlicher Schlüssel des Empfängers: PEM, DER oder JWK</translation>
    </message>
    <message>
        <source>A shared secret, a private key (typed, pasted or from a file), or a stored key</source>
        <translation>Ein gemeinsames Geheimnis, ein privater Schlüssel (getippt, eingefügt oder aus einer Datei) oder ein gespeicherter Schlüssel</translation>
    </message>
    <message>
        <source>A shared key (dir, AES key wrap) or a passphrase (PBES2), the recipient&apos;s public key (RSA, EC, X25519, X448), or a stored key</source>
        <translation>Ein gemeinsamer Schlüssel (dir, AES Key Wrap) oder eine Passphrase (PBES2), der öffentliche Schlüssel des Empfängers (RSA, EC, X25519, X448) oder ein gespeicherter Schlüssel</translation>
    </message>
    <message>
        <source>Follows what you paste and, while the box is empty, the token&apos;s algorithm. A choice you make here stays.</source>
        <translation>Richtet sich nach dem, was Sie einfügen, und, solange das Feld leer ist, nach dem Algorithmus des Tokens. Eine Auswahl, die Sie hier treffen, bleibt.</translation>
    </message>
    <message>
        <source>Read a key from a file: PEM, DER, JWK or JWK Set (or a secret, as text)</source>
        <translation>Einen Schlüssel aus einer Datei lesen: PEM, DER, JWK oder JWK Set (oder ein Geheimnis als Text)</translation>
    </message>
    <message>
        <source>Paste a public key, certificate or private key (PEM or base64 DER), a JWK or a JWK Set — or open a key file</source>
        <translation>Fügen Sie einen öffentlichen Schlüssel, ein Zertifikat oder einen privaten Schlüssel (PEM oder base64-DER), einen JWK oder ein JWK Set ein – oder öffnen Sie eine Schlüsseldatei</translation>
    </message>
    <message>
        <source>Paste a private key: PEM (PKCS#8, PKCS#1, SEC1), base64 DER or a JWK — or open a key file</source>
        <translation>Fügen Sie einen privaten Schlüssel ein: PEM (PKCS#8, PKCS#1, SEC1), base64-DER oder einen JWK – oder öffnen Sie eine Schlüsseldatei</translation>
    </message>
    <message>
        <source>Paste the recipient&apos;s private key (PEM or base64 DER), a JWK or a JWK Set — or open a key file</source>
        <translation>Fügen Sie den privaten Schlüssel des Empfängers (PEM oder base64-DER), einen JWK oder ein JWK Set ein – oder öffnen Sie eine Schlüsseldatei</translation>
    </message>
    <message>
        <source>Paste the recipient&apos;s public key: PEM, base64 DER, a certificate or a JWK — or open a key file</source>
        <translation>Fügen Sie den öffentlichen Schlüssel des Empfängers ein: PEM, base64-DER, ein Zertifikat oder einen JWK – oder öffnen Sie eine Schlüsseldatei</translation>
    </message>
    <message>
        <source>the shared key, or the passphrase for PBES2</source>
        <translation>der gemeinsame Schlüssel oder die Passphrase für PBES2</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the private key</source>
        <translation>Privaten Schlüssel anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>the passphrase the private key is encrypted with</source>
        <translation>die Passphrase, mit der der private Schlüssel verschlüsselt ist</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Generate a &amp;Key for Me</source>
        <translation>Schlüssel für mich e&amp;rzeugen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Makes a throw-away key for test tokens; it stays in memory only</source>
        <translation>Erzeugt einen Wegwerfschlüssel für Test-Tokens; er bleibt nur im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Stored key (keystore)</source>
        <translation>Gespeicherter Schlüssel (Schlüsselspeicher)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Open Key File</source>
        <translation>Schlüsseldatei öffnen</translation>
    </message>
    <message>
        <source>Keys (*.pem *.crt *.cer *.der *.key *.json *.jwk *.jwks *.txt);;All files (*)</source>
        <translation>Schlüssel (*.pem *.crt *.cer *.der *.key *.json *.jwk *.jwks *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Type the shared secret and say how it is written.</source>
        <translation>Geben Sie das gemeinsame Geheimnis ein und wählen Sie, wie es geschrieben ist.</translation>
    </message>
    <message>
        <source>Type the shared key or passphrase and say how it is written.</source>
        <translation>Geben Sie den gemeinsamen Schlüssel oder die Passphrase ein und wählen Sie, wie er bzw. sie geschrieben ist.</translation>
    </message>
    <message>
        <source>The key cannot be read: %1</source>
        <translation>Der Schlüssel kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>To read it as a key, choose “%1”.</source>
        <translation>Um es als Schlüssel zu lesen, wählen Sie „%1“.</translation>
    </message>
    <message>
        <source>Paste a private key, open a key file, or generate one.</source>
        <translation>Fügen Sie einen privaten Schlüssel ein, öffnen Sie eine Schlüsseldatei oder erzeugen Sie einen.</translation>
    </message>
    <message>
        <source>Paste the recipient&apos;s public key, or open a key file.</source>
        <translation>Fügen Sie den öffentlichen Schlüssel des Empfängers ein oder öffnen Sie eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
    <message>
        <source>The signer signs with one key: give a single private key, not a set.</source>
        <translation>Signiert wird mit einem Schlüssel: Geben Sie einen einzelnen privaten Schlüssel an, kein Set.</translation>
    </message>
    <message>
        <source>A public key cannot sign: give its private key, or generate a key.</source>
        <translation>Ein öffentlicher Schlüssel kann nicht signieren: Geben Sie seinen privaten Schlüssel an oder erzeugen Sie einen Schlüssel.</translation>
    </message>
    <message>
        <source>A public key cannot decrypt: give the private key, or the shared key or passphrase.</source>
        <translation>Ein öffentlicher Schlüssel kann nicht entschlüsseln: Geben Sie den privaten Schlüssel an oder den gemeinsamen Schlüssel bzw. die Passphrase.</translation>
    </message>
    <message>
        <source>None of these keys can decrypt: they are public keys only.</source>
        <translation>Keiner dieser Schlüssel kann entschlüsseln: Es sind nur öffentliche Schlüssel.</translation>
    </message>
    <message>
        <source>The signer encrypts to one recipient: give a single key, not a set.</source>
        <translation>Verschlüsselt wird für einen Empfänger: Geben Sie einen einzelnen Schlüssel an, kein Set.</translation>
    </message>
    <message>
        <source>Only its public half is used: encrypting needs nothing secret.</source>
        <translation>Nur seine öffentliche Hälfte wird benutzt: Zum Verschlüsseln braucht es nichts Geheimes.</translation>
    </message>
    <message>
        <source>Choose a stored key.</source>
        <translation>Wählen Sie einen gespeicherten Schlüssel.</translation>
    </message>
    <message>
        <source>%1 · kid %2</source>
        <translation>%1 · kid %2</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Generating an RSA key: this can take a few seconds…</source>
        <translation>Ein RSA-Schlüssel wird erzeugt: Das kann einige Sekunden dauern …</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Wird erzeugt …</translation>
    </message>
    <message>
        <source>Key generation stopped.</source>
        <translation>Schlüsselerzeugung abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>A shared key or passphrase: %n byte(s), written as %1.</source>
        <translation>
            <numerusform>Ein gemeinsamer Schlüssel oder eine Passphrase: %n Byte, geschrieben als %1.</numerusform>
            <numerusform>Ein gemeinsamer Schlüssel oder eine Passphrase: %n Byte, geschrieben als %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeyKindCombo</name>
    <message>
        <source>HMAC secret, 256 bits (HS256)</source>
        <translation>HMAC-Geheimnis, 256 Bit (HS256)</translation>
    </message>
    <message>
        <source>HMAC secret, 384 bits (HS384)</source>
        <translation>HMAC-Geheimnis, 384 Bit (HS384)</translation>
    </message>
    <message>
        <source>HMAC secret, 512 bits (HS512)</source>
        <translation>HMAC-Geheimnis, 512 Bit (HS512)</translation>
    </message>
    <message>
        <source>EC P-256 (ES256)</source>
        <translation>EC P-256 (ES256)</translation>
    </message>
    <message>
        <source>EC P-384 (ES384)</source>
        <translation>EC P-384 (ES384)</translation>
    </message>
    <message>
        <source>EC P-521 (ES512)</source>
        <translation>EC P-521 (ES512)</translation>
    </message>
    <message>
        <source>EC secp256k1 (ES256K)</source>
        <translation>EC secp256k1 (ES256K)</translation>
    </message>
    <message>
        <source>Ed25519 (EdDSA)</source>
        <translation>Ed25519 (EdDSA)</translation>
    </message>
    <message>
        <source>Ed448 (EdDSA)</source>
        <translation>Ed448 (EdDSA)</translation>
    </message>
    <message>
        <source>RSA 2048 bits (RS*, PS*)</source>
        <translation>RSA 2048 Bit (RS*, PS*)</translation>
    </message>
    <message>
        <source>RSA 3072 bits (RS*, PS*)</source>
        <translation>RSA 3072 Bit (RS*, PS*)</translation>
    </message>
    <message>
        <source>RSA 4096 bits (RS*, PS*)</source>
        <translation>RSA 4096 Bit (RS*, PS*)</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeyListModel</name>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeyListPane</name>
    <message>
        <source>Filter by label, type, kid or tag</source>
        <translation>Nach Bezeichnung, Typ, kid oder Schlagwort filtern</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeysPage</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>Löschen &amp;rückgängig</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Change &amp;Passphrase…</source>
        <translation>&amp;Passphrase ändern …</translation>
    </message>
    <message>
        <source>Copy the public JWK Set of the selected keys (%1); more in the menu</source>
        <translation>Kopiert das öffentliche JWK Set der ausgewählten Schlüssel (%1); mehr im Menü</translation>
    </message>
    <message>
        <source>Encrypt the keystore with a new passphrase, typed twice</source>
        <translation>Verschlüsselt den Schlüsselspeicher mit einer neuen, zweimal eingegebenen Passphrase</translation>
    </message>
    <message>
        <source>Copy Public JWK</source>
        <translation>Öffentlichen JWK kopieren</translation>
    </message>
    <message>
        <source>Copy Public JWK Set of the Selected Keys</source>
        <translation>Öffentliches JWK Set der ausgewählten Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Copy Public PEM</source>
        <translation>Öffentliches PEM kopieren</translation>
    </message>
    <message>
        <source>Copy Private JWK…</source>
        <translation>Privaten JWK kopieren …</translation>
    </message>
    <message>
        <source>Copy Private PEM…</source>
        <translation>Privates PEM kopieren …</translation>
    </message>
    <message>
        <source>Copy Private PEM, Encrypted…</source>
        <translation>Privates PEM verschlüsselt kopieren …</translation>
    </message>
    <message>
        <source>Export to &amp;File…</source>
        <translation>In &amp;Datei exportieren …</translation>
    </message>
    <message>
        <source>Generate a key of the chosen kind into the keystore (%1)</source>
        <translation>Erzeugt einen Schlüssel der gewählten Art im Schlüsselspeicher (%1)</translation>
    </message>
    <message>
        <source>&amp;Retry Save</source>
        <translation>Speichern &amp;erneut versuchen</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>Saved the keystore</source>
        <translation>Schlüsselspeicher gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Keystore unlocked: %n key(s)</source>
        <translation>
            <numerusform>Schlüsselspeicher entsperrt: %n Schlüssel</numerusform>
            <numerusform>Schlüsselspeicher entsperrt: %n Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keystore locked itself after %n minute(s) without input</source>
        <translation>
            <numerusform>Der Schlüsselspeicher hat sich nach %n Minute ohne Eingabe selbst gesperrt</numerusform>
            <numerusform>Der Schlüsselspeicher hat sich nach %n Minuten ohne Eingabe selbst gesperrt</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Not saved.&lt;/b&gt; Your changes are only in memory: %1</source>
        <translation>&lt;b&gt;Nicht gespeichert.&lt;/b&gt; Ihre Änderungen liegen nur im Arbeitsspeicher: %1</translation>
    </message>
    <message>
        <source>Generating an RSA key: this can take a few seconds…</source>
        <translation>Ein RSA-Schlüssel wird erzeugt: Das kann einige Sekunden dauern …</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Wird erzeugt …</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeystoreActions</name>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved the keystore to %1</source>
        <translation>Schlüsselspeicher in %1 gespeichert</translation>
    </message>
    <message>
        <source>The keystore is locked.</source>
        <translation>Der Schlüsselspeicher ist gesperrt.</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>Nichts importiert: %1</translation>
    </message>
    <message>
        <source>Nothing imported from %1: %2</source>
        <translation>Nichts aus %1 importiert: %2</translation>
    </message>
    <message>
        <source>Imported %1 key</source>
        <translation>Importierter Schlüssel (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel importiert</numerusform>
            <numerusform>%n Schlüssel importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n key(s) into memory only: the keystore is not saved</source>
        <translation>
            <numerusform>%n Schlüssel nur in den Arbeitsspeicher importiert: Der Schlüsselspeicher ist nicht gespeichert</numerusform>
            <numerusform>%n Schlüssel nur in den Arbeitsspeicher importiert: Der Schlüsselspeicher ist nicht gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>; left out: %1</source>
        <translation>; ausgelassen: %1</translation>
    </message>
    <message>
        <source>New %1 key</source>
        <translation>Neuer Schlüssel (%1)</translation>
    </message>
    <message>
        <source>Generated and saved a %1 key</source>
        <translation>Schlüssel (%1) erzeugt und gespeichert</translation>
    </message>
    <message>
        <source>Deleted “%1” (Undo Delete brings it back)</source>
        <translation>„%1“ gelöscht („Löschen rückgängig“ holt ihn zurück)</translation>
    </message>
    <message>
        <source>Restored the deleted key</source>
        <translation>Gelöschten Schlüssel wiederhergestellt</translation>
    </message>
    <message>
        <source>Saved the key&apos;s details</source>
        <translation>Angaben zum Schlüssel gespeichert</translation>
    </message>
    <message>
        <source>The passphrase is unchanged: %1</source>
        <translation>Die Passphrase ist unverändert: %1</translation>
    </message>
    <message>
        <source>Changed the keystore passphrase; the previous file is kept as %1</source>
        <translation>Passphrase des Schlüsselspeichers geändert; die vorherige Datei bleibt als %1 erhalten</translation>
    </message>
    <message>
        <source>Nothing copied: %1</source>
        <translation>Nichts kopiert: %1</translation>
    </message>
    <message>
        <source>Copied the encrypted private key; the clipboard is cleared in 30 seconds</source>
        <translation>Verschlüsselten privaten Schlüssel kopiert; die Zwischenablage wird in 30 Sekunden geleert</translation>
    </message>
    <message>
        <source>Copied the private key; the clipboard is cleared in 30 seconds</source>
        <translation>Privaten Schlüssel kopiert; die Zwischenablage wird in 30 Sekunden geleert</translation>
    </message>
    <message>
        <source>Copied the public key</source>
        <translation>Öffentlichen Schlüssel kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Copied the public JWK Set of %n key(s); secrets left out</source>
        <translation>
            <numerusform>Öffentliches JWK Set mit %n Schlüssel kopiert; Geheimnisse ausgelassen</numerusform>
            <numerusform>Öffentliches JWK Set mit %n Schlüsseln kopiert; Geheimnisse ausgelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the public JWK Set of %n key(s)</source>
        <translation>
            <numerusform>Öffentliches JWK Set mit %n Schlüssel kopiert</numerusform>
            <numerusform>Öffentliches JWK Set mit %n Schlüsseln kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing written: %1</source>
        <translation>Nichts geschrieben: %1</translation>
    </message>
    <message>
        <source>Wrote the private key to %1 (readable only by you)</source>
        <translation>Privaten Schlüssel nach %1 geschrieben (nur für Sie lesbar)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeystoreLockedView</name>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&amp;Create Keystore</source>
        <translation>Schlüsselspeicher &amp;anlegen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>The keystore %1 is locked.</source>
        <translation>Der Schlüsselspeicher %1 ist gesperrt.</translation>
    </message>
    <message>
        <source>There is no keystore yet. Choose a passphrase to start one at %1. Nobody can recover it if it is forgotten: type it twice.</source>
        <translation>Es gibt noch keinen Schlüsselspeicher. Wählen Sie eine Passphrase, um einen unter %1 anzulegen. Niemand kann sie wiederherstellen, wenn sie vergessen wird: Geben Sie sie zweimal ein.</translation>
    </message>
    <message>
        <source>Creating the keystore…</source>
        <translation>Schlüsselspeicher wird angelegt …</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt …</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Geben Sie die Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeystoreSession</name>
    <message>
        <source>Unlocking stopped before it ended.</source>
        <translation>Das Entsperren wurde vor seinem Ende abgebrochen.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::LearnPage</name>
    <message>
        <source>St&amp;art</source>
        <translation>St&amp;arten</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Show &amp;Me</source>
        <translation>&amp;Zeig es mir</translation>
    </message>
    <message>
        <source>&amp;Reset Progress</source>
        <translation>Fortschritt zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Forget which lessons are done</source>
        <translation>Vergessen, welche Lektionen erledigt sind</translation>
    </message>
    <message>
        <source>Load the lesson&apos;s token or key into its page and go there</source>
        <translation>Das Token oder den Schlüssel der Lektion in ihre Seite laden und dorthin wechseln</translation>
    </message>
    <message>
        <source>Look at the pages: is the task done?</source>
        <translation>Auf den Seiten nachsehen: Ist die Aufgabe erledigt?</translation>
    </message>
    <message>
        <source>Do the task on its page and go there</source>
        <translation>Die Aufgabe auf ihrer Seite erledigen und dorthin wechseln</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>Aufgabe: %1</translation>
    </message>
    <message>
        <source>You have done this lesson.</source>
        <translation>Diese Lektion haben Sie erledigt.</translation>
    </message>
    <message>
        <source>Started: do the task, then come back and press Check.</source>
        <translation>Gestartet: Erledigen Sie die Aufgabe, kommen Sie dann zurück und drücken Sie Prüfen.</translation>
    </message>
    <message>
        <source>Shown: press Check to see it counted.</source>
        <translation>Gezeigt: Drücken Sie Prüfen, damit es zählt.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Noch nicht erledigt</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 lessons done</source>
        <translation>
            <numerusform>%n von %1 Lektionen erledigt</numerusform>
            <numerusform>%n von %1 Lektionen erledigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::LessonCatalog</name>
    <message>
        <source>Not yet: the decoder shows another token. Press Start to load the lesson&apos;s token.</source>
        <translation>Noch nicht: Der Decoder zeigt ein anderes Token. Drücken Sie Starten, um das Token der Lektion zu laden.</translation>
    </message>
    <message>
        <source>Three parts and base64url</source>
        <translation>Drei Teile und base64url</translation>
    </message>
    <message>
        <source>A signed token (JWS, RFC 7515) is three base64url parts joined by dots: the header, the payload and the signature. Base64url is base64 with &apos;-&apos; and &apos;_&apos; instead of &apos;+&apos; and &apos;/&apos;, and without &apos;=&apos; padding, so that a token travels in a URL or an HTTP header unchanged. A token written with padding or with &apos;+&apos; and &apos;/&apos; is a different string: strict parsers reject it, and where the header or payload was re-encoded, the signature no longer matches the bytes it was made over.</source>
        <translation>Ein signiertes Token (JWS, RFC 7515) besteht aus drei base64url-Teilen, durch Punkte verbunden: Header, Payload und Signatur. Base64url ist base64 mit &apos;-&apos; und &apos;_&apos; statt &apos;+&apos; und &apos;/&apos; und ohne &apos;=&apos;-Auffüllung, damit ein Token unverändert in einer URL oder einem HTTP-Header reist. Ein Token mit Auffüllung oder mit &apos;+&apos; und &apos;/&apos; ist eine andere Zeichenkette: Strenge Parser lehnen es ab, und wo Header oder Payload neu kodiert wurden, passt die Signatur nicht mehr zu den Bytes, über die sie gebildet wurde.</translation>
    </message>
    <message>
        <source>In the decoder, add a &apos;=&apos; to the end of the token, or turn a &apos;-&apos; or &apos;_&apos; of its signature into &apos;+&apos; or &apos;/&apos;, and see what the decoder says.</source>
        <translation>Hängen Sie im Decoder ein &apos;=&apos; an das Ende des Tokens an oder machen Sie aus einem &apos;-&apos; oder &apos;_&apos; seiner Signatur ein &apos;+&apos; oder &apos;/&apos;, und sehen Sie, was der Decoder sagt.</translation>
    </message>
    <message>
        <source>Not yet: the token is still as it was signed. Add a &apos;=&apos; at its end.</source>
        <translation>Noch nicht: Das Token ist noch so, wie es signiert wurde. Hängen Sie ein &apos;=&apos; an sein Ende an.</translation>
    </message>
    <message>
        <source>Not yet: the decoder finds nothing wrong with the encoding. Add &apos;=&apos; padding, or a &apos;+&apos; or &apos;/&apos;, to the signature.</source>
        <translation>Noch nicht: Der Decoder findet an der Kodierung nichts auszusetzen. Fügen Sie der Signatur eine &apos;=&apos;-Auffüllung oder ein &apos;+&apos; oder &apos;/&apos; hinzu.</translation>
    </message>
    <message>
        <source>Done — the decoder flags the encoding: base64url has no padding and no &apos;+&apos; or &apos;/&apos;. The X-ray shows the bytes each group of four characters stands for.</source>
        <translation>Erledigt – der Decoder beanstandet die Kodierung: base64url kennt keine Auffüllung und kein &apos;+&apos; oder &apos;/&apos;. Der Röntgenblick zeigt, für welche Bytes jede Gruppe aus vier Zeichen steht.</translation>
    </message>
    <message>
        <source>Done — exp was written in milliseconds. Read as seconds, it lies in the year 57971.</source>
        <translation>Erledigt – exp wurde in Millisekunden geschrieben. Als Sekunden gelesen liegt es im Jahr 57971.</translation>
    </message>
    <message>
        <source>Not yet: open the Findings tab and click the finding about exp to unfold it.</source>
        <translation>Noch nicht: Öffnen Sie den Reiter Befunde und klicken Sie auf den Befund zu exp, um ihn aufzuklappen.</translation>
    </message>
    <message>
        <source>Registered claims and times</source>
        <translation>Registrierte Claims und Zeiten</translation>
    </message>
    <message>
        <source>RFC 7519 registers short claim names: iss (who issued the token), sub (whom it is about), aud (who should accept it), exp (expiry), nbf (not before), iat (issued at) and jti (a unique ID). The three times are NumericDates: seconds since 1970-01-01 UTC, not milliseconds. An issuer that writes a JavaScript Date.now() value makes a token that seems valid for tens of thousands of years. The Claims tab reads each time as a date.</source>
        <translation>RFC 7519 registriert kurze Claim-Namen: iss (wer das Token ausgestellt hat), sub (um wen es geht), aud (wer es annehmen soll), exp (Ablauf), nbf (nicht vor), iat (ausgestellt um) und jti (eine eindeutige ID). Die drei Zeiten sind NumericDates: Sekunden seit 1970-01-01 UTC, keine Millisekunden. Ein Aussteller, der einen JavaScript-Wert Date.now() schreibt, erzeugt ein Token, das Zehntausende Jahre gültig scheint. Der Reiter Claims liest jede Zeit als Datum.</translation>
    </message>
    <message>
        <source>Find out what is wrong with this token&apos;s exp: open the finding that explains it.</source>
        <translation>Finden Sie heraus, was mit dem exp dieses Tokens nicht stimmt: Öffnen Sie den Befund, der es erklärt.</translation>
    </message>
    <message>
        <source>Signing and encryption</source>
        <translation>Signieren und Verschlüsseln</translation>
    </message>
    <message>
        <source>A JWS is signed: anyone can read its payload, and the signature shows who made it and that nothing was changed. A JWE (RFC 7516) is encrypted: it has five parts, and only a holder of the key can read the claims. Its protected header stays readable, so the algorithms, the kid and cty are visible to all; the claims, and a nested token, are hidden. Encryption to a public key says nothing about who made the token, which is why a JWT is often signed first and then encrypted.</source>
        <translation>Ein JWS ist signiert: Jeder kann seine Payload lesen, und die Signatur zeigt, wer es erstellt hat und dass nichts geändert wurde. Ein JWE (RFC 7516) ist verschlüsselt: Es hat fünf Teile, und nur wer den Schlüssel hat, kann die Claims lesen. Sein geschützter Header bleibt lesbar, daher sind die Algorithmen, die kid und cty für alle sichtbar; die Claims und ein verschachteltes Token sind verborgen. Verschlüsselung an einen öffentlichen Schlüssel sagt nichts darüber, wer das Token erstellt hat; deshalb wird ein JWT oft erst signiert und dann verschlüsselt.</translation>
    </message>
    <message>
        <source>Decrypt it: on the Verification tab, give the shared key %1 as the decryption key.</source>
        <translation>Entschlüsseln Sie es: Geben Sie im Reiter Prüfung den gemeinsamen Schlüssel %1 als Entschlüsselungsschlüssel an.</translation>
    </message>
    <message>
        <source>Not yet: the token is not decrypted. Type %1 as the decryption key&apos;s secret on the Verification tab.</source>
        <translation>Noch nicht: Das Token ist nicht entschlüsselt. Tippen Sie im Reiter Prüfung %1 als Geheimnis des Entschlüsselungsschlüssels ein.</translation>
    </message>
    <message>
        <source>Done — decrypted. The Decoded tab now shows the claims that the five parts hid.</source>
        <translation>Erledigt – entschlüsselt. Der Reiter Dekodiert zeigt jetzt die Claims, die die fünf Teile verbargen.</translation>
    </message>
    <message>
        <source>HMAC, RSA, ECDSA and EdDSA: who can sign</source>
        <translation>HMAC, RSA, ECDSA und EdDSA: Wer signieren kann</translation>
    </message>
    <message>
        <source>HS256 and its siblings use one shared secret: whoever can verify an HMAC token can also make one. RS256, PS256, ES256 and EdDSA use a key pair: the private key signs, the public key only verifies, so an issuer can hand its public key to every service that accepts its tokens. Give a verifier the public key, never the private one.</source>
        <translation>HS256 und seine Geschwister nutzen ein gemeinsames Geheimnis: Wer ein HMAC-Token prüfen kann, kann auch eines erstellen. RS256, PS256, ES256 und EdDSA nutzen ein Schlüsselpaar: Der private Schlüssel signiert, der öffentliche prüft nur, daher kann ein Aussteller seinen öffentlichen Schlüssel jedem Dienst geben, der seine Tokens annimmt. Geben Sie einem Prüfer den öffentlichen Schlüssel, nie den privaten.</translation>
    </message>
    <message>
        <source>Verify this ES256 token with the issuer&apos;s public key (Show me pastes it into the key box).</source>
        <translation>Prüfen Sie dieses ES256-Token mit dem öffentlichen Schlüssel des Ausstellers (Zeig es mir fügt ihn in das Schlüsselfeld ein).</translation>
    </message>
    <message>
        <source>Not yet: the token is not verified with the issuer&apos;s key. Paste its public key into the Verification tab&apos;s key box.</source>
        <translation>Noch nicht: Das Token ist nicht mit dem Schlüssel des Ausstellers geprüft. Fügen Sie dessen öffentlichen Schlüssel in das Schlüsselfeld des Reiters Prüfung ein.</translation>
    </message>
    <message>
        <source>Not yet: that key holds the private half. A verifier needs only the public key.</source>
        <translation>Noch nicht: Dieser Schlüssel enthält die private Hälfte. Ein Prüfer braucht nur den öffentlichen Schlüssel.</translation>
    </message>
    <message>
        <source>Done — the public key verified the signature. It could not have made one.</source>
        <translation>Erledigt – der öffentliche Schlüssel hat die Signatur geprüft. Erstellen hätte er sie nicht können.</translation>
    </message>
    <message>
        <source>Done — an unsigned token proves nothing about who wrote it.</source>
        <translation>Erledigt – ein unsigniertes Token beweist nichts darüber, wer es geschrieben hat.</translation>
    </message>
    <message>
        <source>Not yet: open the Findings tab and unfold the finding about alg &quot;none&quot;.</source>
        <translation>Noch nicht: Öffnen Sie den Reiter Befunde und klappen Sie den Befund zu alg &quot;none&quot; auf.</translation>
    </message>
    <message>
        <source>alg: none</source>
        <translation>alg: none</translation>
    </message>
    <message>
        <source>RFC 7518 defines &quot;none&quot; for tokens that are not signed at all: their third part is empty. A library that lets the token&apos;s own header choose the algorithm can be fooled into accepting such a token, with any claims an attacker likes. RFC 8725 asks verifiers to fix the algorithms they accept in advance; the workbench never accepts an unsecured token.</source>
        <translation>RFC 7518 definiert &quot;none&quot; für Tokens, die gar nicht signiert sind: Ihr dritter Teil ist leer. Eine Bibliothek, die den Header des Tokens selbst den Algorithmus wählen lässt, kann dazu gebracht werden, ein solches Token mit beliebigen Claims eines Angreifers anzunehmen. RFC 8725 verlangt, dass Prüfer die erlaubten Algorithmen vorab festlegen; JWT Workbench nimmt ein ungesichertes Token nie an.</translation>
    </message>
    <message>
        <source>Read why this token must be rejected: open its alg finding on the Findings tab.</source>
        <translation>Lesen Sie, warum dieses Token abgelehnt werden muss: Öffnen Sie im Reiter Befunde seinen Befund zu alg.</translation>
    </message>
    <message>
        <source>RS256 to HS256: algorithm confusion</source>
        <translation>RS256 zu HS256: Algorithmus-Verwechslung</translation>
    </message>
    <message>
        <source>A server that verifies RS256 tokens holds the RSA public key, which is no secret. If its library lets the token&apos;s alg choose the method, an attacker sends alg HS256, signed with the public key&apos;s PEM text as the HMAC secret: the server computes the same HMAC over the same text and accepts. The defence is to bind each key to its algorithm and never let the token choose (RFC 8725 §3.1).</source>
        <translation>Ein Server, der RS256-Tokens prüft, hat den öffentlichen RSA-Schlüssel, und der ist kein Geheimnis. Lässt seine Bibliothek das alg des Tokens das Verfahren wählen, schickt ein Angreifer alg HS256, signiert mit dem PEM-Text des öffentlichen Schlüssels als HMAC-Geheimnis: Der Server berechnet denselben HMAC über denselben Text und nimmt an. Die Abwehr: Jeden Schlüssel an seinen Algorithmus binden und nie das Token wählen lassen (RFC 8725 §3.1).</translation>
    </message>
    <message>
        <source>Give the verifier the server&apos;s RSA public key, as that server would, and see the workbench refuse to use it for HS256.</source>
        <translation>Geben Sie dem Prüfer den öffentlichen RSA-Schlüssel des Servers, wie es dieser Server täte, und sehen Sie, wie JWT Workbench ihn für HS256 verweigert.</translation>
    </message>
    <message>
        <source>Not yet: paste the server&apos;s RSA public key (Show me does) into the Verification tab&apos;s key box.</source>
        <translation>Noch nicht: Fügen Sie den öffentlichen RSA-Schlüssel des Servers (Zeig es mir tut es) in das Schlüsselfeld des Reiters Prüfung ein.</translation>
    </message>
    <message>
        <source>Done — the verifier refuses: an RSA key is never used as an HMAC secret.</source>
        <translation>Erledigt – der Prüfer verweigert: Ein RSA-Schlüssel wird nie als HMAC-Geheimnis verwendet.</translation>
    </message>
    <message>
        <source>Weak HMAC secrets</source>
        <translation>Schwache HMAC-Geheimnisse</translation>
    </message>
    <message>
        <source>An HMAC token can be tested offline against any number of guessed secrets: one token is all an attacker needs, and no server sees the attempts. Secrets taken from tutorials, defaults or dictionaries fall within seconds. Use a random secret at least as long as the hash output: 32 bytes for HS256 (RFC 7518 §3.2, RFC 8725 §3.5).</source>
        <translation>Ein HMAC-Token lässt sich offline gegen beliebig viele geratene Geheimnisse testen: Ein einziges Token genügt dem Angreifer, und kein Server sieht die Versuche. Geheimnisse aus Anleitungen, Voreinstellungen oder Wörterbüchern fallen in Sekunden. Verwenden Sie ein zufälliges Geheimnis, mindestens so lang wie die Hash-Ausgabe: 32 Bytes für HS256 (RFC 7518 §3.2, RFC 8725 §3.5).</translation>
    </message>
    <message>
        <source>Find this token&apos;s secret with the search on the Weak Secret tab.</source>
        <translation>Finden Sie das Geheimnis dieses Tokens mit der Suche im Reiter Schwaches Geheimnis.</translation>
    </message>
    <message>
        <source>Not yet: no secret found for this token yet. Start the search on the Weak Secret tab.</source>
        <translation>Noch nicht: Für dieses Token wurde noch kein Geheimnis gefunden. Starten Sie die Suche im Reiter Schwaches Geheimnis.</translation>
    </message>
    <message>
        <source>Done — the search found the secret in the bundled list. Anyone could now sign tokens that this server accepts.</source>
        <translation>Erledigt – die Suche hat das Geheimnis in der mitgelieferten Liste gefunden. Jeder könnte jetzt Tokens signieren, die dieser Server annimmt.</translation>
    </message>
    <message>
        <source>Done — never fetch a key from a URL that the token names. The finding about kid explains the other half.</source>
        <translation>Erledigt – laden Sie nie einen Schlüssel von einer URL, die das Token nennt. Der Befund zu kid erklärt die andere Hälfte.</translation>
    </message>
    <message>
        <source>Not yet: open the Findings tab and unfold the finding about jku.</source>
        <translation>Noch nicht: Öffnen Sie den Reiter Befunde und klappen Sie den Befund zu jku auf.</translation>
    </message>
    <message>
        <source>kid injection, jku and x5u</source>
        <translation>kid-Injektion, jku und x5u</translation>
    </message>
    <message>
        <source>The header&apos;s kid names the key to verify with; jku and x5u give a URL to fetch keys or certificates from. The token&apos;s author writes all three. A kid used as a file path or in a database query can make the server use a key the attacker knows, such as an empty file; a jku or x5u makes it fetch the attacker&apos;s own key. Match kid exactly against known keys, and take keys only from your own configuration (RFC 8725 §3.10).</source>
        <translation>Die kid im Header nennt den Schlüssel, mit dem geprüft wird; jku und x5u geben eine URL an, von der Schlüssel oder Zertifikate geladen werden. Alle drei schreibt der Autor des Tokens. Eine kid, die als Dateipfad oder in einer Datenbankabfrage verwendet wird, kann den Server einen Schlüssel nutzen lassen, den der Angreifer kennt, etwa eine leere Datei; ein jku oder x5u lässt ihn den eigenen Schlüssel des Angreifers laden. Vergleichen Sie kid exakt mit bekannten Schlüsseln und nehmen Sie Schlüssel nur aus Ihrer eigenen Konfiguration (RFC 8725 §3.10).</translation>
    </message>
    <message>
        <source>Open the finding about the key URL in this token&apos;s header.</source>
        <translation>Öffnen Sie den Befund zur Schlüssel-URL im Header dieses Tokens.</translation>
    </message>
    <message>
        <source>Expiry, clock skew and leeway</source>
        <translation>Ablauf, Uhrenabweichung und Toleranz</translation>
    </message>
    <message>
        <source>A token is valid until its exp and, when it has one, from its nbf on. The clocks of issuer and verifier never agree to the second, so verifiers allow a leeway of a few seconds to a minute or two around these instants. The timeline draws the leeway as bands around exp and nbf, and its what-if slider verifies the decoder&apos;s token at any instant you choose.</source>
        <translation>Ein Token ist bis zu seinem exp gültig und, falls es eines hat, ab seinem nbf. Die Uhren von Aussteller und Prüfer stimmen nie auf die Sekunde überein, daher erlauben Prüfer um diese Zeitpunkte eine Toleranz von einigen Sekunden bis zu ein, zwei Minuten. Die Zeitleiste zeichnet die Toleranz als Bänder um exp und nbf, und ihr Was-wäre-wenn-Schieberegler prüft das Token des Decoders zu jedem gewählten Zeitpunkt.</translation>
    </message>
    <message>
        <source>On the timeline, with a leeway of 60 s, move the what-if time past exp (%1) but still within the leeway.</source>
        <translation>Schieben Sie auf der Zeitleiste bei einer Toleranz von 60 s die Was-wäre-wenn-Zeit hinter exp (%1), aber noch in die Toleranz.</translation>
    </message>
    <message>
        <source>Not yet: the timeline follows the clock. Move the what-if slider, or set the time, to just after exp (%1).</source>
        <translation>Noch nicht: Die Zeitleiste folgt der Uhr. Schieben Sie den Was-wäre-wenn-Regler oder setzen Sie die Zeit auf kurz nach exp (%1).</translation>
    </message>
    <message>
        <source>Not yet: that is before exp (%1), where the token is simply valid. Move a little later.</source>
        <translation>Noch nicht: Das liegt vor exp (%1), wo das Token einfach gültig ist. Gehen Sie etwas später.</translation>
    </message>
    <message>
        <source>Not yet: the leeway is 0 s. Set it to 60 s.</source>
        <translation>Noch nicht: Die Toleranz ist 0 s. Setzen Sie sie auf 60 s.</translation>
    </message>
    <message>
        <source>Not yet: that is more than the leeway after exp. Move closer to %1.</source>
        <translation>Noch nicht: Das liegt mehr als die Toleranz nach exp. Gehen Sie näher an %1.</translation>
    </message>
    <message>
        <source>Done — past exp, yet accepted thanks to the leeway. A little later the token is expired.</source>
        <translation>Erledigt – nach exp und dank der Toleranz doch angenommen. Etwas später ist das Token abgelaufen.</translation>
    </message>
    <message>
        <source>Revoking a token</source>
        <translation>Ein Token widerrufen</translation>
    </message>
    <message>
        <source>A signed token stays valid until it expires: a signature cannot be taken back. So access tokens are kept short-lived, minutes rather than days, and renewed with a refresh token that the server can refuse. To stop one token sooner, verifiers keep a deny-list of token IDs (jti) until their exp has passed. This token lives until 2100; Start has put its secret in the key box.</source>
        <translation>Ein signiertes Token bleibt gültig, bis es abläuft: Eine Signatur lässt sich nicht zurücknehmen. Deshalb leben Zugriffstokens kurz, Minuten statt Tage, und werden mit einem Refresh-Token erneuert, das der Server verweigern kann. Um ein einzelnes Token früher zu stoppen, führen Prüfer eine Sperrliste von Token-IDs (jti), bis deren exp vorbei ist. Dieses Token lebt bis 2100; Starten hat sein Geheimnis in das Schlüsselfeld gelegt.</translation>
    </message>
    <message>
        <source>Revoke it: put its jti, %1, in Revoked (jti) on the Verification tab.</source>
        <translation>Widerrufen Sie es: Tragen Sie seine jti, %1, im Reiter Prüfung unter Widerrufen (jti) ein.</translation>
    </message>
    <message>
        <source>Not yet: the token is not verified. Press Start to put the lesson&apos;s secret back.</source>
        <translation>Noch nicht: Das Token ist nicht geprüft. Drücken Sie Starten, um das Geheimnis der Lektion zurückzulegen.</translation>
    </message>
    <message>
        <source>Not yet: the token is still accepted. Add %1 to Revoked (jti).</source>
        <translation>Noch nicht: Das Token wird noch angenommen. Tragen Sie %1 unter Widerrufen (jti) ein.</translation>
    </message>
    <message>
        <source>Done — the signature is still good, yet the verifier refuses the token: its jti is on the deny-list.</source>
        <translation>Erledigt – die Signatur ist weiterhin gültig, doch der Prüfer lehnt das Token ab: Seine jti steht auf der Sperrliste.</translation>
    </message>
    <message>
        <source>Key rotation with kid and a JWK Set</source>
        <translation>Schlüsselwechsel mit kid und einem JWK Set</translation>
    </message>
    <message>
        <source>Verify this token against the issuer&apos;s JWK Set (Show me pastes it) and see which key its kid chose.</source>
        <translation>Prüfen Sie dieses Token gegen das JWK Set des Ausstellers (Zeig es mir fügt es ein) und sehen Sie, welchen Schlüssel seine kid gewählt hat.</translation>
    </message>
    <message>
        <source>Not yet: verify with the issuer&apos;s JWK Set, not a single key (Show me pastes it).</source>
        <translation>Noch nicht: Prüfen Sie mit dem JWK Set des Ausstellers, nicht mit einem einzelnen Schlüssel (Zeig es mir fügt es ein).</translation>
    </message>
    <message>
        <source>Done — the verifier chose the key with kid %1 from the set.</source>
        <translation>Erledigt – der Prüfer hat den Schlüssel mit der kid %1 aus dem Set gewählt.</translation>
    </message>
    <message>
        <source>Signing keys are replaced from time to time. The issuer publishes a JWK Set (RFC 7517) with the old and the new public key, each with its own kid, and writes the kid into every token it signs. The verifier picks the key from the set by kid, so tokens signed before and after the change verify side by side until the old key is withdrawn. The Rotation page rehearses such a change with your own keys and tokens: which tokens a new set breaks, and whether they would have expired anyway.</source>
        <translation>Signaturschlüssel werden von Zeit zu Zeit ersetzt. Der Aussteller veröffentlicht ein JWK Set (RFC 7517) mit dem alten und dem neuen öffentlichen Schlüssel, jeder mit eigener kid, und schreibt die kid in jedes Token, das er signiert. Der Prüfer wählt den Schlüssel im Set anhand der kid, sodass vor und nach dem Wechsel signierte Tokens nebeneinander gültig sind, bis der alte Schlüssel zurückgezogen wird. Die Seite Rotation probt einen solchen Wechsel mit Ihren eigenen Schlüsseln und Tokens: welche Tokens ein neues Set bricht und ob sie ohnehin abgelaufen wären.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::MainWindow</name>
    <message>
        <source>JWT Workbench</source>
        <translation>JWT Workbench</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>Decoder</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Signieren</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Keystore locked</source>
        <translation>Schlüsselspeicher gesperrt</translation>
    </message>
    <message>
        <source>Keystore unlocked · not saved</source>
        <translation>Schlüsselspeicher entsperrt · nicht gespeichert</translation>
    </message>
    <message>
        <source>Keystore unlocked</source>
        <translation>Schlüsselspeicher entsperrt</translation>
    </message>
    <message>
        <source>Open the Keys page to unlock the keystore</source>
        <translation>Öffnet die Seite „Schlüssel“, um den Schlüsselspeicher zu entsperren</translation>
    </message>
    <message>
        <source>Lock the keystore now</source>
        <translation>Sperrt den Schlüsselspeicher sofort</translation>
    </message>
    <message>
        <source>Offline: nothing you paste leaves this computer.</source>
        <translation>Offline: Nichts, was Sie einfügen, verlässt diesen Computer.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Token File…</source>
        <translation>Token-Datei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Decode a token read from a file</source>
        <translation>Dekodiert ein Token aus einer Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Copy Token</source>
        <translation>Token &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the signer&apos;s token on the Signer page, else the decoder&apos;s; cleared from the clipboard after 30 s</source>
        <translation>Kopiert auf der Seite „Signieren“ das signierte Token, sonst das des Decoders; nach 30 s wird es aus der Zwischenablage gelöscht</translation>
    </message>
    <message>
        <source>&amp;Paste Token</source>
        <translation>Token &amp;einfügen</translation>
    </message>
    <message>
        <source>Decode the clipboard&apos;s text in the decoder</source>
        <translation>Dekodiert den Text der Zwischenablage im Decoder</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Export Test Tokens…</source>
        <translation>Test-Tokens &amp;exportieren …</translation>
    </message>
    <message>
        <source>Write tokens that a correct verifier must accept or reject, from the decoder&apos;s or the signer&apos;s token</source>
        <translation>Schreibt Tokens, die ein korrekter Prüfer akzeptieren oder ablehnen muss, ausgehend vom Token des Decoders oder der Seite „Signieren“</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Paste Token from Clipboard on Focus</source>
        <translation>Token aus der Zwischenablage beim &amp;Fokussieren einfügen</translation>
    </message>
    <message>
        <source>When this window becomes active and the clipboard holds a token, decode it. Off unless you turn it on.</source>
        <translation>Wenn dieses Fenster aktiv wird und die Zwischenablage ein Token enthält, wird es dekodiert. Aus, solange Sie es nicht einschalten.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About JWT Workbench</source>
        <translation>Ü&amp;ber JWT Workbench</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Decoder</source>
        <translation>&amp;Decoder</translation>
    </message>
    <message>
        <source>&amp;Signer</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>Sch&amp;lüssel</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation>V&amp;orherige Seite</translation>
    </message>
    <message>
        <source>There is no token to copy</source>
        <translation>Es gibt kein Token zum Kopieren</translation>
    </message>
    <message>
        <source>Token copied to the clipboard (cleared again in 30 s)</source>
        <translation>Token in die Zwischenablage kopiert (wird nach 30 s wieder gelöscht)</translation>
    </message>
    <message>
        <source>The clipboard holds no text to decode</source>
        <translation>Die Zwischenablage enthält keinen Text zum Dekodieren</translation>
    </message>
    <message>
        <source>The clipboard&apos;s text is too long to be a token</source>
        <translation>Der Text der Zwischenablage ist zu lang für ein Token</translation>
    </message>
    <message>
        <source>Decoded the token from the clipboard</source>
        <translation>Token aus der Zwischenablage dekodiert</translation>
    </message>
    <message>
        <source>Open Token File</source>
        <translation>Token-Datei öffnen</translation>
    </message>
    <message>
        <source>Tokens and text (*.jwt *.jws *.txt *.json);;All files (*)</source>
        <translation>Tokens und Text (*.jwt *.jws *.txt *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About JWT Workbench</source>
        <translation>Über JWT Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;JWT Workbench %1&lt;/h3&gt;&lt;p&gt;An offline workbench for JSON Web Tokens. Nothing you paste or load ever leaves this computer.&lt;/p&gt;&lt;p&gt;JSON highlighting: %2. Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;JWT Workbench %1&lt;/h3&gt;&lt;p&gt;Eine Offline-Werkbank für JSON Web Tokens. Nichts, was Sie einfügen oder laden, verlässt jemals diesen Computer.&lt;/p&gt;&lt;p&gt;JSON-Hervorhebung: %2. Lizenziert unter der Apache License 2.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Signer</source>
        <comment>the signer&apos;s token, named on the timeline</comment>
        <translation>Signierseite</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>&amp;Rotation</source>
        <translation>&amp;Rotation</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Lernen</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>L&amp;ernen</translation>
    </message>
    <message>
        <source>&amp;Present SD-JWT…</source>
        <translation>SD-JWT &amp;präsentieren …</translation>
    </message>
    <message>
        <source>Choose which disclosures of an SD-JWT to reveal, and add a key binding JWT</source>
        <translation>Wählen, welche Offenlegungen eines SD-JWT gezeigt werden, und ein Key-Binding-JWT anfügen</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::NewPassphraseDialog</name>
    <message>
        <source>Passphrase for the Exported Key</source>
        <translation>Passphrase für den exportierten Schlüssel</translation>
    </message>
    <message>
        <source>The private key of “%1” is written encrypted with this passphrase. Whoever opens the file needs it; it is not stored anywhere.</source>
        <translation>Der private Schlüssel von „%1“ wird mit dieser Passphrase verschlüsselt geschrieben. Wer die Datei öffnet, braucht sie; sie wird nirgends gespeichert.</translation>
    </message>
    <message>
        <source>Change the Keystore Passphrase</source>
        <translation>Passphrase des Schlüsselspeichers ändern</translation>
    </message>
    <message>
        <source>The keystore %1 is encrypted again with the new passphrase. Nobody can recover it if it is forgotten: the keys would be lost.</source>
        <translation>Der Schlüsselspeicher %1 wird mit der neuen Passphrase neu verschlüsselt. Niemand kann sie wiederherstellen, wenn sie vergessen wird: Die Schlüssel wären verloren.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::NewPassphraseFields</name>
    <message>
        <source>Poor</source>
        <translation>Schlecht</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Ausgezeichnet</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>Type a passphrase</source>
        <translation>Geben Sie eine Passphrase ein</translation>
    </message>
    <message>
        <source>A few unrelated words make a passphrase that is strong and easy to remember.</source>
        <translation>Ein paar Wörter ohne Zusammenhang ergeben eine Passphrase, die stark und leicht zu merken ist.</translation>
    </message>
    <message>
        <source>%1, about %2 bits</source>
        <translation>%1, etwa %2 Bit</translation>
    </message>
    <message>
        <source>⚠ This passphrase is weak: anyone who gets a copy of the file can try guesses offline. A few unrelated words make a strong one. You may go on all the same.</source>
        <translation>⚠ Diese Passphrase ist schwach: Wer eine Kopie der Datei bekommt, kann offline Rateversuche anstellen. Ein paar Wörter ohne Zusammenhang ergeben eine starke. Sie können trotzdem fortfahren.</translation>
    </message>
    <message>
        <source>Type it again below.</source>
        <translation>Geben Sie sie unten noch einmal ein.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Die beiden Eingaben unterscheiden sich.</translation>
    </message>
    <message>
        <source>The entries match.</source>
        <translation>Die Eingaben stimmen überein.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::RotationKeyModel</name>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Ausmustern</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>(no kid)</source>
        <translation>(keine kid)</translation>
    </message>
    <message>
        <source>%1 (added)</source>
        <translation>%1 (hinzugefügt)</translation>
    </message>
    <message>
        <source>Key (kid)</source>
        <translation>Schlüssel (kid)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Thumbprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::RotationPage</name>
    <message>
        <source>From &amp;Keystore</source>
        <translation>Aus Schlüssel&amp;speicher</translation>
    </message>
    <message>
        <source>The public halves of the unlocked keystore&apos;s keys become the current set</source>
        <translation>Die öffentlichen Hälften der Schlüssel des entsperrten Schlüsselspeichers werden zum aktuellen Set</translation>
    </message>
    <message>
        <source>&amp;Add Keys…</source>
        <translation>Schlüssel hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Paste keys that are in the new set only</source>
        <translation>Fügt Schlüssel ein, die nur im neuen Set sind</translation>
    </message>
    <message>
        <source>Add Key F&amp;ile…</source>
        <translation>Schlüssel aus Date&amp;i…</translation>
    </message>
    <message>
        <source>Read keys for the new set only from a file</source>
        <translation>Liest Schlüssel nur für das neue Set aus einer Datei</translation>
    </message>
    <message>
        <source>Kee&amp;p</source>
        <translation>Beh&amp;alten</translation>
    </message>
    <message>
        <source>The selected keys stay in the new set and go on signing</source>
        <translation>Die gewählten Schlüssel bleiben im neuen Set und signieren weiter</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>Ausmuste&amp;rn</translation>
    </message>
    <message>
        <source>A retired key stays published, so its tokens verify until they expire, but it signs nothing new; the summary says which tokens fail once it is removed</source>
        <translation>Ein ausgemusterter Schlüssel bleibt veröffentlicht, sodass seine Tokens bis zu ihrem Ablauf gültig bleiben, signiert aber nichts Neues; die Zusammenfassung nennt die Tokens, die scheitern, sobald er entfernt ist</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Entfer&amp;nen</translation>
    </message>
    <message>
        <source>The selected keys are not in the new set: their tokens stop verifying</source>
        <translation>Die gewählten Schlüssel sind nicht im neuen Set: Ihre Tokens sind dann nicht mehr gültig</translation>
    </message>
    <message>
        <source>Accept &amp;weak keys</source>
        <translation>Sch&amp;wache Schlüssel akzeptieren</translation>
    </message>
    <message>
        <source>&amp;Load Example</source>
        <translation>Beispie&amp;l laden</translation>
    </message>
    <message>
        <source>Fill in a prepared rotation: three keys, one retired, one removed, one added, and eight tokens</source>
        <translation>Füllt eine vorbereitete Rotation ein: drei Schlüssel, einer ausgemustert, einer entfernt, einer hinzugefügt, und acht Tokens</translation>
    </message>
    <message>
        <source>E&amp;xport New JWK Set…</source>
        <translation>Neues JWK Set ex&amp;portieren…</translation>
    </message>
    <message>
        <source>Save the new set&apos;s public keys (kept, retired and added) as a JWK Set</source>
        <translation>Speichert die öffentlichen Schlüssel des neuen Sets (behaltene, ausgemusterte und hinzugefügte) als JWK Set</translation>
    </message>
    <message>
        <source>&amp;Copy New JWK Set</source>
        <translation>Neues JWK Set &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the new set&apos;s public keys as a JWK Set</source>
        <translation>Kopiert die öffentlichen Schlüssel des neuen Sets als JWK Set</translation>
    </message>
    <message>
        <source>Paste the JWK Set verifiers use today, a JWK or PEM public keys</source>
        <translation>Fügen Sie das JWK Set ein, das Prüfer heute nutzen, einen JWK oder öffentliche PEM-Schlüssel</translation>
    </message>
    <message>
        <source>Paste tokens, one a line</source>
        <translation>Fügen Sie Tokens ein, eines pro Zeile</translation>
    </message>
    <message>
        <source>Verify with weak keys (short RSA keys and HMAC secrets) instead of refusing them</source>
        <translation>Prüft auch mit schwachen Schlüsseln (kurzen RSA-Schlüsseln und HMAC-Geheimnissen), statt sie abzulehnen</translation>
    </message>
    <message>
        <source>Current &amp;JWK Set</source>
        <translation>Aktuelles &amp;JWK Set</translation>
    </message>
    <message>
        <source>Selected keys:</source>
        <translation>Gewählte Schlüssel:</translation>
    </message>
    <message>
        <source>T&amp;okens</source>
        <translation>T&amp;okens</translation>
    </message>
    <message>
        <source>Paste the current key set and some tokens, or load the example.</source>
        <translation>Fügen Sie das aktuelle Schlüssel-Set und einige Tokens ein, oder laden Sie das Beispiel.</translation>
    </message>
    <message>
        <source>Paste tokens, one a line, to see which of them the new set breaks.</source>
        <translation>Fügen Sie Tokens ein, eines pro Zeile, um zu sehen, welche davon mit dem neuen Set scheitern.</translation>
    </message>
    <message numerus="yes">
        <source>Verified only by a retired key: %n token(s). Once the retired keys are removed: %1</source>
        <translation>
            <numerusform>Nur von einem ausgemusterten Schlüssel geprüft: %n Token. Sobald die ausgemusterten Schlüssel entfernt sind: %1</numerusform>
            <numerusform>Nur von einem ausgemusterten Schlüssel geprüft: %n Tokens. Sobald die ausgemusterten Schlüssel entfernt sind: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock the keystore on the Keys page first.</source>
        <translation>Entsperren Sie zuerst den Schlüsselspeicher auf der Seite „Schlüssel“.</translation>
    </message>
    <message>
        <source>Add Keys</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Keys for the new set only (a JWK Set, a JWK or PEM public keys):</source>
        <translation>Schlüssel nur für das neue Set (ein JWK Set, ein JWK oder öffentliche PEM-Schlüssel):</translation>
    </message>
    <message>
        <source>Add Key File</source>
        <translation>Schlüsseldatei hinzufügen</translation>
    </message>
    <message>
        <source>Keys (*.json *.jwk *.jwks *.pem *.der *.crt);;All files (*)</source>
        <translation>Schlüssel (*.json *.jwk *.jwks *.pem *.der *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Select the keys in the table first.</source>
        <translation>Wählen Sie zuerst die Schlüssel in der Tabelle.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved the new JWK Set to %1</source>
        <translation>Neues JWK Set in %1 gespeichert</translation>
    </message>
    <message>
        <source>Export New JWK Set</source>
        <translation>Neues JWK Set exportieren</translation>
    </message>
    <message>
        <source>JWK Sets (*.json *.jwks);;All files (*)</source>
        <translation>JWK Sets (*.json *.jwks);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Copied the new JWK Set (public keys only)</source>
        <translation>Neues JWK Set kopiert (nur öffentliche Schlüssel)</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::RotationRehearsal</name>
    <message>
        <source>The new set already holds these keys.</source>
        <translation>Das neue Set enthält diese Schlüssel schon.</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n HMAC secret(s): they have no public half to publish.</source>
        <translation>
            <numerusform>%n HMAC-Geheimnis ausgelassen: Es hat keine öffentliche Hälfte, die sich veröffentlichen ließe.</numerusform>
            <numerusform>%n HMAC-Geheimnisse ausgelassen: Sie haben keine öffentliche Hälfte, die sich veröffentlichen ließe.</numerusform>
        </translation>
    </message>
    <message>
        <source>The keystore holds no RSA, EC or OKP key.</source>
        <translation>Der Schlüsselspeicher enthält keinen RSA-, EC- oder OKP-Schlüssel.</translation>
    </message>
    <message numerus="yes">
        <source>Took the public halves of %n key(s) from the keystore.</source>
        <translation>
            <numerusform>Die öffentliche Hälfte von %n Schlüssel aus dem Schlüsselspeicher übernommen.</numerusform>
            <numerusform>Die öffentlichen Hälften von %n Schlüsseln aus dem Schlüsselspeicher übernommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the first %1 tokens are rehearsed; %n more left out.</source>
        <translation>
            <numerusform>Nur die ersten %1 Tokens werden geprüft; %n weiteres ausgelassen.</numerusform>
            <numerusform>Nur die ersten %1 Tokens werden geprüft; %n weitere ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n HMAC secret(s) left out: a secret is never published in a JWK Set.</source>
        <translation>
            <numerusform>%n HMAC-Geheimnis ausgelassen: Ein Geheimnis wird nie in einem JWK Set veröffentlicht.</numerusform>
            <numerusform>%n HMAC-Geheimnisse ausgelassen: Ein Geheimnis wird nie in einem JWK Set veröffentlicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new set has no public key to export.</source>
        <translation>Das neue Set hat keinen öffentlichen Schlüssel zum Exportieren.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::RotationTokenModel</name>
    <message>
        <source>Unaffected</source>
        <translation>Nicht betroffen</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>Scheitert</translation>
    </message>
    <message>
        <source>Breaks (expired anyway)</source>
        <translation>Scheitert (ohnehin abgelaufen)</translation>
    </message>
    <message>
        <source>Starts verifying</source>
        <translation>Neu gültig</translation>
    </message>
    <message>
        <source>Never verifies</source>
        <translation>Nie gültig</translation>
    </message>
    <message>
        <source>no exp</source>
        <translation>kein exp</translation>
    </message>
    <message>
        <source>expired %1 ago</source>
        <translation>vor %1 abgelaufen</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>läuft in %1 ab</translation>
    </message>
    <message>
        <source>none: %1</source>
        <translation>keiner: %1</translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation>%1 (ausgemustert)</translation>
    </message>
    <message>
        <source>Fails once the retired key is removed</source>
        <translation>Scheitert, sobald der ausgemusterte Schlüssel entfernt ist</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Subject (sub)</source>
        <translation>Subjekt (sub)</translation>
    </message>
    <message>
        <source>Current set</source>
        <translation>Aktuelles Set</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>Neues Set</translation>
    </message>
    <message>
        <source>Fate</source>
        <translation>Folge</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Lebensdauer</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::SdDisclosureTree</name>
    <message numerus="yes">
        <source>object, %n member(s)</source>
        <translation>
            <numerusform>Objekt, %n Member</numerusform>
            <numerusform>Objekt, %n Member</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>array, %n element(s)</source>
        <translation>
            <numerusform>Array, %n Element</numerusform>
            <numerusform>Array, %n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>Claim (ticked: selectively disclosable)</source>
        <translation>Claim (mit Häkchen: selektiv offenlegbar)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Stays in the clear: a verifier needs &quot;%1&quot; to decide whether to accept the token at all (RFC 9901, SD-JWT VC).</source>
        <translation>Bleibt im Klartext: Ein Prüfer braucht „%1“, um überhaupt zu entscheiden, ob er das Token annimmt (RFC 9901, SD-JWT VC).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is part of the SD-JWT&apos;s own structure and is never disclosed.</source>
        <translation>„%1“ gehört zum Aufbau des SD-JWT selbst und wird nie offengelegt.</translation>
    </message>
    <message>
        <source>%1 (in the clear)</source>
        <translation>%1 (im Klartext)</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::SdHolderKeyEdit</name>
    <message>
        <source>Optional: the holder&apos;s public key (PEM or JWK); it becomes cnf.jwk</source>
        <translation>Optional: der öffentliche Schlüssel des Inhabers (PEM oder JWK); er wird zu cnf.jwk</translation>
    </message>
    <message>
        <source>Give one key, not a set: cnf.jwk names exactly one.</source>
        <translation>Geben Sie einen Schlüssel an, keine Menge: cnf.jwk nennt genau einen.</translation>
    </message>
    <message>
        <source>A secret cannot be a holder key: give the public key (RSA, EC or OKP) the holder signs key binding JWTs with.</source>
        <translation>Ein Geheimnis kann kein Inhaberschlüssel sein: Geben Sie den öffentlichen Schlüssel (RSA, EC oder OKP) an, mit dessen privater Hälfte der Inhaber Key-Binding-JWTs signiert.</translation>
    </message>
    <message>
        <source>✓ %1: only its public half goes into cnf.jwk.</source>
        <translation>✓ %1: Nur seine öffentliche Hälfte kommt in cnf.jwk.</translation>
    </message>
    <message>
        <source>✓ %1 goes into cnf.jwk.</source>
        <translation>✓ %1 kommt in cnf.jwk.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::SdJwtChecksView</name>
    <message>
        <source>Require &amp;key binding</source>
        <translation>&amp;Schlüsselbindung verlangen</translation>
    </message>
    <message>
        <source>optional: the verifier the presentation is meant for</source>
        <translation>optional: der Prüfer, für den die Präsentation bestimmt ist</translation>
    </message>
    <message>
        <source>The key binding JWT&apos;s aud must be exactly this: you, the verifier. A presentation made for another verifier must not be accepted (RFC 9901 §7.3).</source>
        <translation>Das aud des Key-Binding-JWT muss genau dies sein: Sie, der Prüfer. Eine Präsentation für einen anderen Prüfer darf nicht angenommen werden (RFC 9901 §7.3).</translation>
    </message>
    <message>
        <source>optional: the nonce you handed to the holder</source>
        <translation>optional: die Nonce, die Sie dem Inhaber gegeben haben</translation>
    </message>
    <message>
        <source>The key binding JWT&apos;s nonce must be exactly this, which shows the presentation was made for this request and is not replayed.</source>
        <translation>Die Nonce des Key-Binding-JWT muss genau diese sein; das zeigt, dass die Präsentation für diese Anfrage gemacht und nicht wiederholt wurde.</translation>
    </message>
    <message>
        <source>A presentation without a key binding JWT can be replayed by anyone who saw it. Tick this when your policy requires key binding.</source>
        <translation>Eine Präsentation ohne Key-Binding-JWT kann jeder wiederverwenden, der sie gesehen hat. Kreuzen Sie dies an, wenn Ihre Richtlinie Schlüsselbindung verlangt.</translation>
    </message>
    <message>
        <source>Expected &amp;audience (KB-JWT aud)</source>
        <translation>Erwartete &amp;Zielgruppe (aud des KB-JWT)</translation>
    </message>
    <message>
        <source>Expected n&amp;once (KB-JWT)</source>
        <translation>Erwartete N&amp;once (KB-JWT)</translation>
    </message>
    <message>
        <source>issuer signature</source>
        <translation>Signatur des Ausstellers</translation>
    </message>
    <message>
        <source>disclosures</source>
        <translation>Offenlegungen</translation>
    </message>
    <message>
        <source>This is an SD-JWT (RFC 9901): an issuer-signed JWT followed by disclosures, and in a presentation a key binding JWT. The key below verifies the issuer&apos;s signature.</source>
        <translation>Dies ist ein SD-JWT (RFC 9901): ein vom Aussteller signiertes JWT, gefolgt von Offenlegungen, und in einer Präsentation ein Key-Binding-JWT. Der Schlüssel unten prüft die Signatur des Ausstellers.</translation>
    </message>
    <message numerus="yes">
        <source>This is an SD-JWT presentation (RFC 9901) with %n disclosure(s) and a key binding JWT, signed by the holder key in cnf.jwk. The key below verifies the issuer&apos;s signature.</source>
        <translation>
            <numerusform>Dies ist eine SD-JWT-Präsentation (RFC 9901) mit %n Offenlegung und einem Key-Binding-JWT, signiert mit dem Schlüssel des Inhabers in cnf.jwk. Der Schlüssel unten prüft die Signatur des Ausstellers.</numerusform>
            <numerusform>Dies ist eine SD-JWT-Präsentation (RFC 9901) mit %n Offenlegungen und einem Key-Binding-JWT, signiert mit dem Schlüssel des Inhabers in cnf.jwk. Der Schlüssel unten prüft die Signatur des Ausstellers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This is an SD-JWT (RFC 9901) with %n disclosure(s) and no key binding JWT. The key below verifies the issuer&apos;s signature.</source>
        <translation>
            <numerusform>Dies ist ein SD-JWT (RFC 9901) mit %n Offenlegung und ohne Key-Binding-JWT. Der Schlüssel unten prüft die Signatur des Ausstellers.</numerusform>
            <numerusform>Dies ist ein SD-JWT (RFC 9901) mit %n Offenlegungen und ohne Key-Binding-JWT. Der Schlüssel unten prüft die Signatur des Ausstellers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s); the first: %1 (%2)</source>
        <translation>
            <numerusform>%n Problem: %1 (%2)</numerusform>
            <numerusform>%n Probleme; das erste: %1 (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each of the %n disclosure(s) matches a digest the issuer signed, in its place.</source>
        <translation>
            <numerusform>Die %n Offenlegung passt zu einem Digest, den der Aussteller signiert hat, an seiner Stelle.</numerusform>
            <numerusform>Jede der %n Offenlegungen passt zu einem Digest, den der Aussteller signiert hat, an seiner Stelle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digest(s) are not disclosed (decoys included); what they hide cannot be read from the token.</source>
        <translation>
            <numerusform>%n Digest ist nicht offengelegt (Attrappen mitgezählt); was er verbirgt, lässt sich dem Token nicht entnehmen.</numerusform>
            <numerusform>%n Digests sind nicht offengelegt (Attrappen mitgezählt); was sie verbergen, lässt sich dem Token nicht entnehmen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Invalid SD-JWT</source>
        <translation>Ungültiges SD-JWT</translation>
    </message>
    <message>
        <source>A verifier rejects this SD-JWT: %1</source>
        <translation>Ein Prüfer lehnt dieses SD-JWT ab: %1</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message numerus="yes">
        <source>Invalid SD-JWT: %n check(s) fail</source>
        <translation>
            <numerusform>Ungültiges SD-JWT: %n Prüfung schlägt fehl</numerusform>
            <numerusform>Ungültiges SD-JWT: %n Prüfungen schlagen fehl</numerusform>
        </translation>
    </message>
    <message>
        <source>No key binding JWT: anyone who holds this SD-JWT can present it.</source>
        <translation>Kein Key-Binding-JWT: Jeder, der dieses SD-JWT besitzt, kann es vorlegen.</translation>
    </message>
    <message>
        <source>The key binding JWT is signed by the holder key and covers this presentation. Give the expected audience and nonce to check that it was made for you and for this request.</source>
        <translation>Das Key-Binding-JWT ist mit dem Schlüssel des Inhabers signiert und deckt diese Präsentation ab. Geben Sie die erwartete Zielgruppe und Nonce an, um zu prüfen, dass es für Sie und für diese Anfrage gemacht wurde.</translation>
    </message>
    <message>
        <source>The key binding JWT is signed by the holder key, covers this presentation, and was made for this audience and nonce.</source>
        <translation>Das Key-Binding-JWT ist mit dem Schlüssel des Inhabers signiert, deckt diese Präsentation ab und wurde für diese Zielgruppe und Nonce gemacht.</translation>
    </message>
    <message>
        <source>Valid SD-JWT</source>
        <translation>Gültiges SD-JWT</translation>
    </message>
    <message>
        <source>every SD-JWT check holds.</source>
        <translation>jede SD-JWT-Prüfung besteht.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::SdPresentDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Open in Decoder</source>
        <translation>Im Dec&amp;oder öffnen</translation>
    </message>
    <message>
        <source>Present SD-JWT</source>
        <translation>SD-JWT präsentieren</translation>
    </message>
    <message>
        <source>Paste the SD-JWT the issuer gave you: &lt;issuer-signed JWT&gt;~&lt;disclosure&gt;~…~</source>
        <translation>Fügen Sie das SD-JWT des Ausstellers ein: &lt;vom Aussteller signiertes JWT&gt;~&lt;Offenlegung&gt;~…~</translation>
    </message>
    <message>
        <source>Disclosure (ticked: revealed)</source>
        <translation>Offenlegung (mit Häkchen: gezeigt)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The verifier, e.g. https://verifier.example.org</source>
        <translation>Der Prüfer, z. B. https://verifier.example.org</translation>
    </message>
    <message>
        <source>The verifier&apos;s nonce</source>
        <translation>Die Nonce des Prüfers</translation>
    </message>
    <message>
        <source>The presentation appears here.</source>
        <translation>Die Präsentation erscheint hier.</translation>
    </message>
    <message>
        <source>Copy the presentation to the clipboard</source>
        <translation>Die Präsentation in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Show the presentation in the Decoder</source>
        <translation>Die Präsentation im Decoder zeigen</translation>
    </message>
    <message>
        <source>&amp;SD-JWT:</source>
        <translation>SD-&amp;JWT:</translation>
    </message>
    <message>
        <source>Disclosures to reveal</source>
        <translation>Zu zeigende Offenlegungen</translation>
    </message>
    <message>
        <source>Key binding (optional)</source>
        <translation>Schlüsselbindung (optional)</translation>
    </message>
    <message>
        <source>With the holder&apos;s private key, a key binding JWT proves that the holder presents it. Without one, the presentation ends with &quot;~&quot;.</source>
        <translation>Mit dem privaten Schlüssel des Inhabers belegt ein Key-Binding-JWT, dass der Inhaber es vorlegt. Ohne ihn endet die Präsentation mit „~“.</translation>
    </message>
    <message>
        <source>&amp;Audience (aud):</source>
        <translation>&amp;Empfänger (aud):</translation>
    </message>
    <message>
        <source>&amp;Nonce:</source>
        <translation>&amp;Nonce:</translation>
    </message>
    <message>
        <source>&amp;Issued at (iat):</source>
        <translation>&amp;Ausgestellt um (iat):</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Präsentation</translation>
    </message>
    <message>
        <source>Paste an SD-JWT above, or open this dialog with one in the decoder.</source>
        <translation>Fügen Sie oben ein SD-JWT ein oder öffnen Sie diesen Dialog, während der Decoder eines zeigt.</translation>
    </message>
    <message>
        <source>Not an SD-JWT: %1</source>
        <translation>Kein SD-JWT: %1</translation>
    </message>
    <message>
        <source>No presentation: the input is not an SD-JWT.</source>
        <translation>Keine Präsentation: Die Eingabe ist kein SD-JWT.</translation>
    </message>
    <message numerus="yes">
        <source>An SD-JWT with %n disclosure(s), _sd_alg %1.</source>
        <translation>
            <numerusform>Ein SD-JWT mit %n Offenlegung, _sd_alg %1.</numerusform>
            <numerusform>Ein SD-JWT mit %n Offenlegungen, _sd_alg %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>It ends with a key binding JWT: the presentation made here replaces it.</source>
        <translation>Es endet mit einem Key-Binding-JWT: Die hier erstellte Präsentation ersetzt es.</translation>
    </message>
    <message>
        <source>⚠ %1 at %2: %3</source>
        <translation>⚠ %1 bei %2: %3</translation>
    </message>
    <message>
        <source>Revealed with the disclosure that holds it</source>
        <translation>Wird mit der Offenlegung gezeigt, die es enthält</translation>
    </message>
    <message>
        <source>No key binding JWT: the SD-JWT names a holder key (cnf.jwk), and a verifier that requires key binding refuses the presentation without one.</source>
        <translation>Kein Key-Binding-JWT: Das SD-JWT nennt einen Inhaberschlüssel (cnf.jwk), und ein Prüfer, der Schlüsselbindung verlangt, weist die Präsentation ohne es zurück.</translation>
    </message>
    <message>
        <source>The SD-JWT has no cnf.jwk: a verifier has no key to check this key binding JWT with.</source>
        <translation>Das SD-JWT hat kein cnf.jwk: Ein Prüfer hat keinen Schlüssel, um dieses Key-Binding-JWT zu prüfen.</translation>
    </message>
    <message>
        <source>This holder key is not the SD-JWT&apos;s cnf.jwk: a verifier rejects the key binding JWT.</source>
        <translation>Dieser Inhaberschlüssel ist nicht das cnf.jwk des SD-JWT: Ein Prüfer weist das Key-Binding-JWT zurück.</translation>
    </message>
    <message>
        <source>No presentation: a secret cannot sign a key binding JWT; the holder key is the private key whose public half is cnf.jwk.</source>
        <translation>Keine Präsentation: Ein Geheimnis kann kein Key-Binding-JWT signieren; der Inhaberschlüssel ist der private Schlüssel, dessen öffentliche Hälfte cnf.jwk ist.</translation>
    </message>
    <message>
        <source>No presentation: %1</source>
        <translation>Keine Präsentation: %1</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::SecretField</name>
    <message>
        <source>the shared secret</source>
        <translation>das gemeinsame Geheimnis</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation>Geheimnis anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>UTF-8 text</source>
        <translation>UTF-8-Text</translation>
    </message>
    <message>
        <source>How the secret is written. It is never guessed: the same text means different bytes in each encoding.</source>
        <translation>Wie das Geheimnis geschrieben ist. Das wird nie geraten: Derselbe Text bedeutet in jeder Kodierung andere Bytes.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::SecretSearchPanel</name>
    <message>
        <source>Publicly known JWT secrets (bundled list)</source>
        <translation>Öffentlich bekannte JWT-Geheimnisse (mitgelieferte Liste)</translation>
    </message>
    <message>
        <source>Also with rules: Capitalised, UPPERCASE, suffixes such as 123, ! and years</source>
        <translation>Auch mit Regeln: Großer Anfangsbuchstabe, GROSSBUCHSTABEN, Endungen wie 123, ! und Jahreszahlen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Aufdecken</translation>
    </message>
    <message>
        <source>Use for Verification</source>
        <translation>Für die Prüfung verwenden</translation>
    </message>
    <message>
        <source>Put the secret into the Verification tab&apos;s HMAC secret and verify the token with it</source>
        <translation>Setzt das Geheimnis als HMAC-Geheimnis auf dem Reiter „Prüfung“ ein und prüft das Token damit</translation>
    </message>
    <message>
        <source>optional, e.g. secret?d?d?d  (?l ?u ?d ?s ?a)</source>
        <translation>optional, z. B. secret?d?d?d  (?l ?u ?d ?s ?a)</translation>
    </message>
    <message>
        <source>no secret found yet</source>
        <translation>noch kein Geheimnis gefunden</translation>
    </message>
    <message>
        <source>Mask:</source>
        <translation>Maske:</translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation>Geheimnis:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weak secret search&lt;/b&gt; — is the token signed with a guessable secret?</source>
        <translation>&lt;b&gt;Suche nach schwachen Geheimnissen&lt;/b&gt; – ist das Token mit einem erratbaren Geheimnis signiert?</translation>
    </message>
    <message>
        <source>bundled list</source>
        <translation>mitgelieferte Liste</translation>
    </message>
    <message>
        <source>Mask: %1</source>
        <translation>Maske: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>The token changed during the search: start it again for this token.</source>
        <translation>Das Token hat sich während der Suche geändert: Starten Sie sie für dieses Token erneut.</translation>
    </message>
    <message>
        <source>Found in the %1 after %L2 guesses (%L3 s).</source>
        <translation>Gefunden nach %L2 Versuchen (%L3 s), Quelle: %1.</translation>
    </message>
    <message>
        <source>Cancelled after %L1 guesses (%L2 s, %3).</source>
        <translation>Abgebrochen nach %L1 Versuchen (%L2 s, %3).</translation>
    </message>
    <message>
        <source>Not found after %L1 guesses (%L2 s, %3).</source>
        <translation>Nicht gefunden nach %L1 Versuchen (%L2 s, %3).</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::SignerPage</name>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Payload · claims</source>
        <translation>Payload · Claims</translation>
    </message>
    <message>
        <source>Signed token</source>
        <translation>Signiertes Token</translation>
    </message>
    <message>
        <source>&amp;Unsecured (alg &quot;none&quot;): anyone can forge it</source>
        <translation>&amp;Ungesichert (alg &quot;none&quot;): Jeder kann es fälschen</translation>
    </message>
    <message>
        <source>Accept &amp;weak keys</source>
        <translation>Sch&amp;wache Schlüssel akzeptieren</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Open in Decoder</source>
        <translation>Im Dec&amp;oder öffnen</translation>
    </message>
    <message>
        <source>The signed token appears here.</source>
        <translation>Hier erscheint das signierte Token.</translation>
    </message>
    <message>
        <source>The header&apos;s &quot;alg&quot; (and &quot;kid&quot;, when the key has one) follow this choice.</source>
        <translation>&quot;alg&quot; im Header (und &quot;kid&quot;, wenn der Schlüssel eine hat) folgen dieser Auswahl.</translation>
    </message>
    <message>
        <source>A token without a signature. RFC 8725 §3.1: verifiers must refuse such tokens; make one only to test that they do.</source>
        <translation>Ein Token ohne Signatur. RFC 8725 §3.1: Prüfer müssen solche Tokens ablehnen; erstellen Sie eines nur, um das zu testen.</translation>
    </message>
    <message>
        <source>Sign with an RSA key under 2048 bits or with the ROCA fingerprint, or an HMAC secret shorter than the hash. Conforming verifiers refuse such keys (RFC 7518 §3.2, §3.3); make such a token only to test that they do.</source>
        <translation>Mit einem RSA-Schlüssel unter 2048 Bit oder mit ROCA-Fingerabdruck signieren oder mit einem HMAC-Geheimnis, das kürzer als der Hash ist. Standardkonforme Prüfer lehnen solche Schlüssel ab (RFC 7518 §3.2, §3.3); erstellen Sie ein solches Token nur, um das zu testen.</translation>
    </message>
    <message>
        <source>Copy the token to the clipboard</source>
        <translation>Kopiert das Token in die Zwischenablage</translation>
    </message>
    <message>
        <source>Show this token in the Decoder</source>
        <translation>Zeigt dieses Token im Decoder</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signaturschlüssel</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>&amp;Algorithmus:</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation>Wird verschlüsselt …</translation>
    </message>
    <message>
        <source>Token copied to the clipboard (cleared again in 30 s)</source>
        <translation>Token in die Zwischenablage kopiert (wird nach 30 s wieder gelöscht)</translation>
    </message>
    <message>
        <source>Header · not used: the claims are encrypted, not signed</source>
        <translation>Header · nicht verwendet: Die Claims werden verschlüsselt, nicht signiert</translation>
    </message>
    <message>
        <source>Signed, then encrypted token (nested JWT)</source>
        <translation>Signiertes, dann verschlüsseltes Token (verschachteltes JWT)</translation>
    </message>
    <message>
        <source>Encrypted token (JWE)</source>
        <translation>Verschlüsseltes Token (JWE)</translation>
    </message>
    <message>
        <source>The encrypted token appears here.</source>
        <translation>Hier erscheint das verschlüsselte Token.</translation>
    </message>
    <message>
        <source>This key cannot sign</source>
        <translation>Dieser Schlüssel kann nicht signieren</translation>
    </message>
    <message>
        <source>Needs a key</source>
        <translation>Braucht einen Schlüssel</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>✓ Valid JSON</source>
        <translation>✓ Gültiges JSON</translation>
    </message>
    <message>
        <source>Not signed: the header is not valid. %1</source>
        <translation>Nicht signiert: Der Header ist ungültig. %1</translation>
    </message>
    <message>
        <source>Not signed: the payload is not valid. %1</source>
        <translation>Nicht signiert: Der Payload ist ungültig. %1</translation>
    </message>
    <message>
        <source>Not encrypted: %1</source>
        <translation>Nicht verschlüsselt: %1</translation>
    </message>
    <message>
        <source>Not signed: give a key (or generate one) to sign with.</source>
        <translation>Nicht signiert: Geben Sie einen Schlüssel zum Signieren an (oder erzeugen Sie einen).</translation>
    </message>
    <message>
        <source>Not signed: %1 cannot sign any JWS algorithm.</source>
        <translation>Nicht signiert: %1 kann mit keinem JWS-Algorithmus signieren.</translation>
    </message>
    <message>
        <source>Not signed: the header has no &quot;alg&quot;. Choose an algorithm to put it back.</source>
        <translation>Nicht signiert: Der Header hat kein &quot;alg&quot;. Wählen Sie einen Algorithmus, um es wieder einzusetzen.</translation>
    </message>
    <message>
        <source>Not signed: the header says alg &quot;%1&quot;, but the key is signing with %2. Pick the algorithm from the list; only those this key can do are offered.</source>
        <translation>Nicht signiert: Der Header nennt alg „%1“, aber der Schlüssel signiert mit %2. Wählen Sie den Algorithmus aus der Liste; angeboten werden nur die, die dieser Schlüssel kann.</translation>
    </message>
    <message>
        <source>Not signed: the header is a DPoP proof&apos;s, and %1.</source>
        <translation>Nicht signiert: Der Header ist der eines DPoP-Nachweises, und %1.</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>Nicht signiert: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;The decoder would warn about this token:&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Der Decoder würde vor diesem Token warnen:&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>No DPoP proof: %1</source>
        <translation>Kein DPoP-Nachweis: %1</translation>
    </message>
    <message>
        <source>it is signed with a private RSA, EC or OKP key, and there is none. Give or generate one.</source>
        <translation>Er wird mit einem privaten RSA-, EC- oder OKP-Schlüssel signiert, und es gibt keinen. Geben Sie einen an oder erzeugen Sie einen.</translation>
    </message>
    <message>
        <source>it is signed with a private RSA, EC or OKP key. %1</source>
        <translation>Er wird mit einem privaten RSA-, EC- oder OKP-Schlüssel signiert. %1</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>give the HTTP method (htm) and the URL (htu) of the request it goes with.</source>
        <translation>Geben Sie die HTTP-Methode (htm) und die URL (htu) der zugehörigen Anfrage an.</translation>
    </message>
    <message>
        <source>fix the header JSON first: %1</source>
        <translation>Korrigieren Sie zuerst das Header-JSON: %1</translation>
    </message>
    <message>
        <source>DPoP proof: jwk is the signing key&apos;s public half; jti, iat, htm and htu are set</source>
        <translation>DPoP-Nachweis: jwk ist die öffentliche Hälfte des Signaturschlüssels; jti, iat, htm und htu sind gesetzt</translation>
    </message>
    <message>
        <source>DPoP proof: jwk is the signing key&apos;s public half; jti, iat, htm, htu and ath (of the access token) are set</source>
        <translation>DPoP-Nachweis: jwk ist die öffentliche Hälfte des Signaturschlüssels; jti, iat, htm, htu und ath (des Zugriffstokens) sind gesetzt</translation>
    </message>
    <message>
        <source>Fix the payload JSON first: %1</source>
        <translation>Korrigieren Sie zuerst das Payload-JSON: %1</translation>
    </message>
    <message>
        <source>%1: replace the placeholder values (iss, sub, aud, scope…)</source>
        <translation>%1: Ersetzen Sie die Platzhalterwerte (iss, sub, aud, scope …)</translation>
    </message>
    <message>
        <source>Not signed: %1 A conforming verifier refuses this key; tick “Accept weak keys” to sign with it anyway.</source>
        <translation>Nicht signiert: %1 Ein standardkonformer Prüfer lehnt diesen Schlüssel ab; setzen Sie das Häkchen bei „Schwache Schlüssel akzeptieren“, um trotzdem damit zu signieren.</translation>
    </message>
    <message>
        <source>&amp;Issue an SD-JWT: claims the holder may keep to themselves</source>
        <translation>Ein SD-&amp;JWT ausstellen: Claims, die der Inhaber für sich behalten darf</translation>
    </message>
    <message>
        <source>Selective disclosure</source>
        <translation>Selektive Offenlegung</translation>
    </message>
    <message>
        <source>RFC 9901: each ticked claim or array element is replaced by the digest of a disclosure (a fresh random salt, its name and value), handed out with the token; the holder then shows only the disclosures they choose.</source>
        <translation>RFC 9901: Jeder angehakte Claim und jedes angehakte Array-Element wird durch den Digest einer Offenlegung ersetzt (ein frisches zufälliges Salt, Name und Wert), die mit dem Token ausgegeben wird; der Inhaber zeigt dann nur die Offenlegungen, die er wählt.</translation>
    </message>
    <message>
        <source>Random digests added to the top-level &quot;_sd&quot;, so that nobody can tell from the token how many claims are hidden</source>
        <translation>Zufällige Digests im obersten „_sd“, damit niemand am Token ablesen kann, wie viele Claims verborgen sind</translation>
    </message>
    <message>
        <source>The hash of the disclosures&apos; digests, named in &quot;_sd_alg&quot;</source>
        <translation>Der Hash der Digests der Offenlegungen, genannt in „_sd_alg“</translation>
    </message>
    <message>
        <source>&amp;Decoy digests:</source>
        <translation>&amp;Täuschungs-Digests:</translation>
    </message>
    <message>
        <source>_sd_a&amp;lg:</source>
        <translation>_sd_a&amp;lg:</translation>
    </message>
    <message>
        <source>Holde&amp;r key (cnf.jwk):</source>
        <translation>Schlüssel des I&amp;nhabers (cnf.jwk):</translation>
    </message>
    <message>
        <source>Not with encryption: the signer encrypts a JWS, and an SD-JWT is a JWS with its disclosures after it. Turn encryption off to issue one.</source>
        <translation>Nicht mit Verschlüsselung: Der Signierer verschlüsselt ein JWS, und ein SD-JWT ist ein JWS mit seinen Offenlegungen dahinter. Schalten Sie die Verschlüsselung aus, um eines auszustellen.</translation>
    </message>
    <message>
        <source>Not with alg &quot;none&quot;: RFC 9901 forbids an unsigned SD-JWT.</source>
        <translation>Nicht mit alg „none“: RFC 9901 verbietet ein unsigniertes SD-JWT.</translation>
    </message>
    <message>
        <source>Not for a DPoP proof: a proof is shown whole to the server it is for, and its claims are not for anyone else. Choose another claim template to issue an SD-JWT.</source>
        <translation>Nicht für einen DPoP-Nachweis: Ein Nachweis wird dem Server, für den er bestimmt ist, ganz gezeigt, und seine Claims sind für niemanden sonst. Wählen Sie eine andere Claim-Vorlage, um ein SD-JWT auszustellen.</translation>
    </message>
    <message>
        <source>SD-JWT (signed, with its disclosures)</source>
        <translation>SD-JWT (signiert, mit seinen Offenlegungen)</translation>
    </message>
    <message>
        <source>the holder key is not usable. %1</source>
        <translation>Der Inhaberschlüssel ist nicht verwendbar. %1</translation>
    </message>
    <message>
        <source>Tick what the holder may keep to themselves. Each disclosure gets a fresh salt, so the SD-JWT changes each time it is signed. Its header is the one above.</source>
        <translation>Haken Sie an, was der Inhaber für sich behalten darf. Jede Offenlegung bekommt ein frisches Salt, daher ändert sich das SD-JWT bei jedem Signieren. Sein Header ist der obige.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::StoredKeyChooser</name>
    <message>
        <source>(no label)</source>
        <translation>(ohne Bezeichnung)</translation>
    </message>
    <message>
        <source>%1 · %2 · kid %3</source>
        <translation>%1 · %2 · kid %3</translation>
    </message>
    <message>
        <source>The keystore is locked.</source>
        <translation>Der Schlüsselspeicher ist gesperrt.</translation>
    </message>
    <message>
        <source>Unlock on the Keys Page…</source>
        <translation>Auf der Seite „Schlüssel“ entsperren …</translation>
    </message>
    <message>
        <source>Go to the Keys page to enter the keystore&apos;s passphrase</source>
        <translation>Wechselt zur Seite „Schlüssel“, um die Passphrase des Schlüsselspeichers einzugeben</translation>
    </message>
    <message>
        <source>The keystore is locked: unlock it on the Keys page to use its keys.</source>
        <translation>Der Schlüsselspeicher ist gesperrt: Entsperren Sie ihn auf der Seite „Schlüssel“, um seine Schlüssel zu verwenden.</translation>
    </message>
    <message>
        <source>The keystore has no keys yet: add them on the Keys page.</source>
        <translation>Der Schlüsselspeicher enthält noch keine Schlüssel: Fügen Sie sie auf der Seite „Schlüssel“ hinzu.</translation>
    </message>
    <message>
        <source>No stored key can sign: the keystore holds only public keys.</source>
        <translation>Kein gespeicherter Schlüssel kann signieren: Der Schlüsselspeicher enthält nur öffentliche Schlüssel.</translation>
    </message>
    <message>
        <source>No stored key can decrypt: the keystore holds only public keys.</source>
        <translation>Kein gespeicherter Schlüssel kann entschlüsseln: Der Schlüsselspeicher enthält nur öffentliche Schlüssel.</translation>
    </message>
    <message>
        <source>The key you chose, “%1”, is no longer in the keystore.</source>
        <translation>Der gewählte Schlüssel „%1“ ist nicht mehr im Schlüsselspeicher.</translation>
    </message>
    <message>
        <source>All stored public keys (chosen by kid)</source>
        <translation>Alle gespeicherten öffentlichen Schlüssel (Auswahl per kid)</translation>
    </message>
    <message>
        <source>Every stored key pair and public key, as a JWK Set: the token&apos;s kid picks the key</source>
        <translation>Jedes gespeicherte Schlüsselpaar und jeder öffentliche Schlüssel als JWK Set: Das kid des Tokens wählt den Schlüssel</translation>
    </message>
    <message>
        <source>All stored secrets (chosen by kid)</source>
        <translation>Alle gespeicherten Geheimnisse (Auswahl per kid)</translation>
    </message>
    <message>
        <source>Every stored HMAC secret, as a JWK Set: the token&apos;s kid picks the secret</source>
        <translation>Jedes gespeicherte HMAC-Geheimnis als JWK Set: Das kid des Tokens wählt das Geheimnis</translation>
    </message>
    <message>
        <source>All stored private keys (chosen by kid)</source>
        <translation>Alle gespeicherten privaten Schlüssel (Auswahl per kid)</translation>
    </message>
    <message>
        <source>Every stored key pair, as a JWK Set: the token&apos;s kid picks the key to decrypt with</source>
        <translation>Jedes gespeicherte Schlüsselpaar als JWK Set: Das kid des Tokens wählt den Schlüssel zum Entschlüsseln</translation>
    </message>
    <message>
        <source>Every stored secret, as a JWK Set: the token&apos;s kid picks the shared key</source>
        <translation>Jedes gespeicherte Geheimnis als JWK Set: Das kid des Tokens wählt den gemeinsamen Schlüssel</translation>
    </message>
    <message>
        <source> — matches the token&apos;s kid</source>
        <translation> – passt zum kid des Tokens</translation>
    </message>
    <message>
        <source> — public key only, cannot sign</source>
        <translation> – nur öffentlicher Schlüssel, kann nicht signieren</translation>
    </message>
    <message>
        <source> — public key only, cannot decrypt</source>
        <translation> – nur öffentlicher Schlüssel, kann nicht entschlüsseln</translation>
    </message>
    <message>
        <source>%1
kid: %2</source>
        <translation>%1
kid: %2</translation>
    </message>
    <message>
        <source>No stored key has the token&apos;s kid “%1”.</source>
        <translation>Kein gespeicherter Schlüssel hat das kid „%1“ des Tokens.</translation>
    </message>
    <message>
        <source>“%1” matches the token&apos;s kid.</source>
        <translation>„%1“ passt zum kid des Tokens.</translation>
    </message>
    <message>
        <source>“%1” matches the token&apos;s kid; you chose another key.</source>
        <translation>„%1“ passt zum kid des Tokens; Sie haben einen anderen Schlüssel gewählt.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::TimelinePage</name>
    <message>
        <source>This is not a valid token: %1</source>
        <translation>Dies ist kein gültiges Token: %1</translation>
    </message>
    <message>
        <source>This is a JWE: its claims are encrypted and cannot be read without the key</source>
        <translation>Dies ist ein JWE: Seine Claims sind verschlüsselt und ohne den Schlüssel nicht lesbar</translation>
    </message>
    <message>
        <source>Its payload is not JSON: %1</source>
        <translation>Sein Payload ist kein JSON: %1</translation>
    </message>
    <message>
        <source>Its payload is empty (detached), so it has no claims</source>
        <translation>Sein Payload ist leer (abgetrennt), daher hat es keine Claims</translation>
    </message>
    <message>
        <source>Tokens on the timeline</source>
        <translation>Tokens auf der Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Add a token</source>
        <translation>Token hinzufügen</translation>
    </message>
    <message>
        <source>Name, e.g. access token</source>
        <translation>Name, z. B. Zugriffstoken</translation>
    </message>
    <message>
        <source>Paste a token, a Bearer header or a URL holding one</source>
        <translation>Fügen Sie ein Token, einen Bearer-Header oder eine URL mit einem Token ein</translation>
    </message>
    <message>
        <source>&amp;Add to Timeline</source>
        <translation>&amp;Zur Zeitleiste hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Verify at:</source>
        <translation>&amp;Prüfen am:</translation>
    </message>
    <message>
        <source>The time the tokens are checked at: now, or any time you want to try</source>
        <translation>Der Zeitpunkt, zu dem die Tokens geprüft werden: jetzt oder ein beliebiger, den Sie ausprobieren möchten</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Jetzt</translation>
    </message>
    <message>
        <source>Check the tokens at the current time again</source>
        <translation>Prüft die Tokens wieder zur aktuellen Zeit</translation>
    </message>
    <message>
        <source>What if: slide the verification time across the visible part of the timeline</source>
        <translation>Was wäre, wenn: Verschieben Sie den Prüfzeitpunkt über den sichtbaren Teil der Zeitleiste</translation>
    </message>
    <message>
        <source>What-if verification time</source>
        <translation>Was-wäre-wenn-Prüfzeitpunkt</translation>
    </message>
    <message>
        <source>Zoom out (−, or scroll)</source>
        <translation>Verkleinern (− oder Mausrad)</translation>
    </message>
    <message>
        <source>Zoom in (+, or scroll)</source>
        <translation>Vergrößern (+ oder Mausrad)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show all tokens (0)</source>
        <translation>Alle Tokens zeigen (0)</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>Times &amp;in:</source>
        <translation>Zeiten &amp;in:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Clock skew a verifier accepts around nbf and exp</source>
        <translation>Uhrenabweichung, die ein Prüfer um nbf und exp herum akzeptiert</translation>
    </message>
    <message>
        <source>&amp;Leeway:</source>
        <translation>T&amp;oleranz:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Lifetimes longer than this are flagged as suspicious</source>
        <translation>Längere Lebensdauern werden als verdächtig markiert</translation>
    </message>
    <message>
        <source>Flag lifetimes &amp;over:</source>
        <translation>Lebensdauern markieren &amp;über:</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <source>Cannot show “%1”: %2.</source>
        <translation>„%1“ kann nicht angezeigt werden: %2.</translation>
    </message>
    <message>
        <source>Paste a token first.</source>
        <translation>Fügen Sie zuerst ein Token ein.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::TimelineWidget</name>
    <message>
        <source>No tokens yet. Add one with a name, or open one in the decoder, to see its lifetime here.</source>
        <translation>Noch keine Tokens. Fügen Sie eines mit einem Namen hinzu oder öffnen Sie eines im Decoder, um hier seine Lebensdauer zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (hover for all)</source>
        <translation>
            <numerusform>… und %n weiteres (alle beim Darüberfahren)</numerusform>
            <numerusform>… und %n weitere (alle beim Darüberfahren)</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>what if</source>
        <translation>was wäre, wenn</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>leeway</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <source>verification time</source>
        <translation>Prüfzeitpunkt</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation>Zeiten in %1</translation>
    </message>
    <message>
        <source>local time (%1)</source>
        <translation>Ortszeit (%1)</translation>
    </message>
    <message>
        <source>Claim lifetime timeline</source>
        <translation>Zeitleiste der Claim-Lebensdauer</translation>
    </message>
    <message>
        <source>Drag to pan, scroll or press + and − to zoom, 0 to fit all tokens.</source>
        <translation>Ziehen zum Verschieben, Mausrad oder + und − zum Zoomen, 0 zeigt alle Tokens.</translation>
    </message>
    <message>
        <source>Timestamps in milliseconds are shown as seconds. Show them as they are</source>
        <translation>Zeitstempel in Millisekunden werden als Sekunden gezeigt. Wie sie sind zeigen</translation>
    </message>
    <message>
        <source>Show the timestamps in milliseconds as seconds</source>
        <translation>Zeitstempel in Millisekunden als Sekunden zeigen</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::TokenDiffView</name>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Erstes Token</translation>
    </message>
    <message>
        <source>Second token</source>
        <translation>Zweites Token</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::TokenEdit</name>
    <message>
        <source>Paste a token, a Bearer value, an Authorization header, a URL with id_token=… or a token response in JSON — or drop a file here.</source>
        <translation>Fügen Sie ein Token, einen Bearer-Wert, einen Authorization-Header, eine URL mit id_token=… oder eine Token-Antwort in JSON ein – oder ziehen Sie eine Datei hierher.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2, read-only: too long to edit here. All of it is decoded. Paste to replace it, or &lt;a href=&quot;clear&quot;&gt;clear it&lt;/a&gt;.</source>
        <translation>Angezeigt werden die ersten %1 von %2, schreibgeschützt: zu lang, um es hier zu bearbeiten. Dekodiert wird alles. Einfügen ersetzt es, oder &lt;a href=&quot;clear&quot;&gt;leeren&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::TokenHistoryActions</name>
    <message>
        <source>Keep Token &amp;History (in the Keystore)</source>
        <translation>Token-Verlauf &amp;behalten (im Schlüsselspeicher)</translation>
    </message>
    <message>
        <source>Token &amp;History…</source>
        <translation>Token-&amp;Verlauf …</translation>
    </message>
    <message>
        <source>&amp;Clear Token History</source>
        <translation>Token-Verlauf &amp;löschen</translation>
    </message>
    <message>
        <source>Token History</source>
        <translation>Token-Verlauf</translation>
    </message>
    <message>
        <source>The keystore holds %1 tokens of the history. Clear them too?</source>
        <translation>Der Schlüsselspeicher enthält %1 Tokens des Verlaufs. Diese auch löschen?</translation>
    </message>
    <message>
        <source>Keep the last %1 tokens the decoder shows inside the encrypted keystore, never in a plain file. Off unless you turn it on.</source>
        <translation>Behält die letzten %1 Tokens, die der Decoder zeigt, im verschlüsselten Schlüsselspeicher, nie in einer unverschlüsselten Datei. Aus, solange Sie es nicht einschalten.</translation>
    </message>
    <message>
        <source>The tokens the decoder showed, to open one again</source>
        <translation>Die Tokens, die der Decoder gezeigt hat, um eines wieder zu öffnen</translation>
    </message>
    <message>
        <source>Remove every token from the history in the keystore</source>
        <translation>Entfernt jedes Token aus dem Verlauf im Schlüsselspeicher</translation>
    </message>
    <message>
        <source>The token history could not be saved: %1</source>
        <translation>Der Token-Verlauf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The token was not added to the history: %1</source>
        <translation>Das Token wurde dem Verlauf nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Unlock the keystore to clear its token history</source>
        <translation>Entsperren Sie den Schlüsselspeicher, um seinen Token-Verlauf zu löschen</translation>
    </message>
    <message>
        <source>Token history cleared</source>
        <translation>Token-Verlauf gelöscht</translation>
    </message>
    <message>
        <source>Token history on: the tokens the decoder shows are kept in the keystore</source>
        <translation>Token-Verlauf an: Die Tokens, die der Decoder zeigt, werden im Schlüsselspeicher behalten</translation>
    </message>
    <message>
        <source>Token history on: unlock the keystore to start keeping tokens</source>
        <translation>Token-Verlauf an: Entsperren Sie den Schlüsselspeicher, damit Tokens behalten werden</translation>
    </message>
    <message>
        <source>Token history off. Tokens already in the keystore stay there until you clear them (unlock it, then Tools → Clear Token History)</source>
        <translation>Token-Verlauf aus. Tokens, die schon im Schlüsselspeicher sind, bleiben dort, bis Sie sie löschen (entsperren, dann Extras → Token-Verlauf löschen)</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::TokenHistoryDialog</name>
    <message>
        <source>&amp;Open in Decoder</source>
        <translation>Im Dec&amp;oder öffnen</translation>
    </message>
    <message>
        <source>C&amp;lear History</source>
        <translation>Verlauf &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Unlock Keystore…</source>
        <translation>Schlüsselspeicher &amp;entsperren …</translation>
    </message>
    <message>
        <source>Token History</source>
        <translation>Token-Verlauf</translation>
    </message>
    <message>
        <source>Token history is off: decoded tokens are not kept. Turn it on with Settings → Keep Token History (in the Keystore).</source>
        <translation>Der Token-Verlauf ist aus: Dekodierte Tokens werden nicht behalten. Schalten Sie ihn ein mit Einstellungen → Token-Verlauf behalten (im Schlüsselspeicher).</translation>
    </message>
    <message>
        <source>The keystore is locked. The history lives inside it: unlock it to see the history and to add the tokens you decode to it.</source>
        <translation>Der Schlüsselspeicher ist gesperrt. Der Verlauf liegt darin: Entsperren Sie ihn, um den Verlauf zu sehen und die Tokens, die Sie dekodieren, hinzuzufügen.</translation>
    </message>
    <message>
        <source>The keystore is locked.</source>
        <translation>Der Schlüsselspeicher ist gesperrt.</translation>
    </message>
    <message>
        <source>The history stored in the keystore cannot be read (%1). It is left out and replaced at the next save; the keys are not affected.</source>
        <translation>Der im Schlüsselspeicher abgelegte Verlauf kann nicht gelesen werden (%1). Er wird ausgelassen und beim nächsten Speichern ersetzt; die Schlüssel sind nicht betroffen.</translation>
    </message>
    <message>
        <source>No tokens yet. Each token the decoder shows is added after a short pause.</source>
        <translation>Noch keine Tokens. Jedes Token, das der Decoder zeigt, wird nach einer kurzen Pause hinzugefügt.</translation>
    </message>
    <message>
        <source>The history is empty.</source>
        <translation>Der Verlauf ist leer.</translation>
    </message>
    <message>
        <source>Up to %1 tokens the decoder showed, newest first, kept only in the encrypted keystore.</source>
        <translation>Bis zu %1 Tokens, die der Decoder gezeigt hat, die neuesten zuerst, nur im verschlüsselten Schlüsselspeicher aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::TokenHistoryModel</name>
    <message>
        <source>(encrypted)</source>
        <translation>(verschlüsselt)</translation>
    </message>
    <message>
        <source>Issuer (iss)</source>
        <translation>Aussteller (iss)</translation>
    </message>
    <message>
        <source>Subject (sub)</source>
        <translation>Subjekt (sub)</translation>
    </message>
    <message>
        <source>Expires (exp)</source>
        <translation>Läuft ab (exp)</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::VerificationPanel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Decryption key</source>
        <translation>Entschlüsselungsschlüssel</translation>
    </message>
    <message>
        <source>DPoP proof: the request it came with</source>
        <translation>DPoP-Nachweis: die Anfrage, mit der er kam</translation>
    </message>
    <message>
        <source>Detached payload</source>
        <translation>Abgetrennter Payload</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Accept &amp;weak keys</source>
        <translation>Sch&amp;wache Schlüssel akzeptieren</translation>
    </message>
    <message>
        <source>Accept an RSA key under 2048 bits or with the ROCA fingerprint, or an HMAC secret shorter than the hash, with a warning, as a lenient verifier would. A conforming verifier refuses them (RFC 7518 §3.2, §3.3); use this for teaching and for legacy systems only.</source>
        <translation>Akzeptiert einen RSA-Schlüssel unter 2048 Bit oder mit ROCA-Fingerabdruck oder ein HMAC-Geheimnis, das kürzer als der Hash ist, mit einer Warnung, wie es ein nachsichtiger Prüfer täte. Ein standardkonformer Prüfer lehnt sie ab (RFC 7518 §3.2, §3.3); nutzen Sie das nur für die Lehre und für Altsysteme.</translation>
    </message>
    <message>
        <source>Accept only these algorithms. A verifier should always name the algorithms it expects instead of trusting the token&apos;s &quot;alg&quot; (RFC 8725 §3.1).</source>
        <translation>Nur diese Algorithmen akzeptieren. Ein Prüfer sollte immer die erwarteten Algorithmen nennen, statt dem &quot;alg&quot; des Tokens zu vertrauen (RFC 8725 §3.1).</translation>
    </message>
    <message>
        <source>any (iss not checked)</source>
        <translation>beliebig (iss nicht geprüft)</translation>
    </message>
    <message>
        <source>any (aud not checked); several separated by commas</source>
        <translation>beliebig (aud nicht geprüft); mehrere durch Kommas getrennt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Clock tolerance for exp, nbf and iat</source>
        <translation>Uhrentoleranz für exp, nbf und iat</translation>
    </message>
    <message>
        <source>Check exp, nbf and iat against the current time; uncheck to pick another time.</source>
        <translation>Prüft exp, nbf und iat gegen die aktuelle Zeit; abwählen, um einen anderen Zeitpunkt zu wählen.</translation>
    </message>
    <message>
        <source>the payload that was signed, when the token leaves it out (RFC 7515 Appendix F)</source>
        <translation>der Payload, der signiert wurde, wenn das Token ihn auslässt (RFC 7515 Anhang F)</translation>
    </message>
    <message>
        <source>Decrypting…</source>
        <translation>Wird entschlüsselt …</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Algorithms</source>
        <translation>Algorithmen</translation>
    </message>
    <message>
        <source>Issuer (iss)</source>
        <translation>Aussteller (iss)</translation>
    </message>
    <message>
        <source>Audience (aud)</source>
        <translation>Zielgruppe (aud)</translation>
    </message>
    <message>
        <source>Leeway</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <source>Verify at</source>
        <translation>Prüfen am</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>All the key can use</source>
        <translation>Alle, die der Schlüssel beherrscht</translation>
    </message>
    <message>
        <source>Signature key (of the nested token)</source>
        <translation>Signaturschlüssel (des verschachtelten Tokens)</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>There is no token to verify.</source>
        <translation>Es gibt kein Token zu prüfen.</translation>
    </message>
    <message>
        <source>This token cannot be verified: %1</source>
        <translation>Dieses Token kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Give the key below to verify the signature. Until then nothing about this token is proven: anyone can write any header and payload.</source>
        <translation>Geben Sie unten den Schlüssel an, um die Signatur zu prüfen. Bis dahin ist nichts an diesem Token belegt: Jeder kann beliebige Header und Payloads schreiben.</translation>
    </message>
    <message>
        <source>No key given yet: decoding shows what the token says, not whether it is genuine.</source>
        <translation>Noch kein Schlüssel angegeben: Das Dekodieren zeigt, was das Token sagt, nicht ob es echt ist.</translation>
    </message>
    <message>
        <source>The key cannot be read: %1</source>
        <translation>Der Schlüssel kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The key set has no usable key.</source>
        <translation>Das Schlüssel-Set enthält keinen verwendbaren Schlüssel.</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>A verifier rejects this token: %1</source>
        <translation>Ein Prüfer lehnt dieses Token ab: %1</translation>
    </message>
    <message>
        <source>Not decrypted</source>
        <translation>Nicht entschlüsselt</translation>
    </message>
    <message>
        <source>This is a JWE (encrypted token). Give the key below to decrypt it: the recipient&apos;s private key, or the shared key or passphrase. Until then only its header can be read.</source>
        <translation>Dies ist ein JWE (verschlüsseltes Token). Geben Sie unten den Schlüssel zum Entschlüsseln an: den privaten Schlüssel des Empfängers oder den gemeinsamen Schlüssel bzw. die Passphrase. Bis dahin lässt sich nur sein Header lesen.</translation>
    </message>
    <message>
        <source>No decryption key given yet: only the header can be read.</source>
        <translation>Noch kein Entschlüsselungsschlüssel angegeben: Nur der Header lässt sich lesen.</translation>
    </message>
    <message>
        <source>The decryption key cannot be read: %1</source>
        <translation>Der Entschlüsselungsschlüssel kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Decrypting with %1…</source>
        <translation>Wird mit %1 entschlüsselt …</translation>
    </message>
    <message>
        <source>none: one revoked jti a line</source>
        <translation>keine: eine widerrufene jti je Zeile</translation>
    </message>
    <message>
        <source>A deny-list: a token whose jti is listed here is invalid, and a token without a jti gets a warning, because no list could revoke it. Lines starting with # are comments.</source>
        <translation>Eine Sperrliste: Ein Token, dessen jti hier steht, ist ungültig, und ein Token ohne jti erhält eine Warnung, weil keine Liste es widerrufen könnte. Zeilen, die mit # beginnen, sind Kommentare.</translation>
    </message>
    <message>
        <source>Revoked (jti)</source>
        <translation>Widerrufen (jti)</translation>
    </message>
    <message>
        <source>SD-JWT: disclosures and key binding</source>
        <translation>SD-JWT: Offenlegungen und Schlüsselbindung</translation>
    </message>
    <message>
        <source>Issuer key</source>
        <translation>Schlüssel des Ausstellers</translation>
    </message>
    <message>
        <source>Give the issuer&apos;s key below to verify the SD-JWT. Until then nothing about it is proven: the disclosures can be read, but anyone can write them.</source>
        <translation>Geben Sie unten den Schlüssel des Ausstellers an, um das SD-JWT zu prüfen. Bis dahin ist nichts daran bewiesen: Die Offenlegungen lassen sich lesen, aber jeder kann sie schreiben.</translation>
    </message>
    <message>
        <source>No issuer key given yet: decoding shows what the SD-JWT says, not whether it is genuine.</source>
        <translation>Noch kein Schlüssel des Ausstellers: Das Dekodieren zeigt, was das SD-JWT sagt, nicht ob es echt ist.</translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::XRayView</name>
    <message>
        <source>protected header</source>
        <translation>geschützter Header</translation>
    </message>
    <message>
        <source>encrypted key</source>
        <translation>verschlüsselter Schlüssel</translation>
    </message>
    <message>
        <source>initialization vector</source>
        <translation>Initialisierungsvektor</translation>
    </message>
    <message>
        <source>ciphertext</source>
        <translation>Chiffretext</translation>
    </message>
    <message>
        <source>authentication tag</source>
        <translation>Authentifizierungs-Tag</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Token — the JSON serialization: the steps explain each member</source>
        <translation>Token – die JSON-Serialisierung: Die Schritte erklären jedes Member</translation>
    </message>
    <message>
        <source>Token — point at or select any character</source>
        <translation>Token – zeigen Sie auf ein beliebiges Zeichen oder wählen Sie es aus</translation>
    </message>
    <message>
        <source>The X-ray explains a signed (JWS) or encrypted (JWE) token. Paste one above.</source>
        <translation>Der Röntgenblick erklärt ein signiertes (JWS) oder verschlüsseltes (JWE) Token. Fügen Sie oben eines ein.</translation>
    </message>
    <message>
        <source>Header bytes as text</source>
        <translation>Header-Bytes als Text</translation>
    </message>
    <message>
        <source>Payload bytes as text</source>
        <translation>Payload-Bytes als Text</translation>
    </message>
    <message>
        <source>Signature bytes (hex)</source>
        <translation>Signatur-Bytes (hex)</translation>
    </message>
    <message>
        <source>Protected header bytes as text</source>
        <translation>Bytes des geschützten Headers als Text</translation>
    </message>
    <message>
        <source>Encrypted key: empty</source>
        <translation>Verschlüsselter Schlüssel: leer</translation>
    </message>
    <message>
        <source>Encrypted key (%1 bytes, hex)</source>
        <translation>Verschlüsselter Schlüssel (%1 Byte, hex)</translation>
    </message>
    <message>
        <source>Initialization vector (%1 bytes, hex)</source>
        <translation>Initialisierungsvektor (%1 Byte, hex)</translation>
    </message>
    <message>
        <source>Ciphertext (%1 bytes, hex)</source>
        <translation>Chiffretext (%1 Byte, hex)</translation>
    </message>
    <message>
        <source>Authentication tag (%1 bytes, hex)</source>
        <translation>Authentifizierungs-Tag (%1 Byte, hex)</translation>
    </message>
    <message>
        <source>Payload bytes (hex, not UTF-8)</source>
        <translation>Payload-Bytes (hex, kein UTF-8)</translation>
    </message>
    <message>
        <source>Point at a character of the token, or at the decoded text, to see how one becomes the other.</source>
        <translation>Zeigen Sie auf ein Zeichen des Tokens oder auf den dekodierten Text, um zu sehen, wie das eine zum anderen wird.</translation>
    </message>
    <message>
        <source>%1 characters %2–%3 “%4” → bytes %5–%6: %7</source>
        <translation>%1, Zeichen %2–%3 „%4“ → Bytes %5–%6: %7</translation>
    </message>
    <message>
        <source> → text “%1”</source>
        <translation> → Text „%1“</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--lang takes a language code, e.g. de or en</source>
        <translation>--lang erwartet einen Sprachcode, z. B. de oder en</translation>
    </message>
    <message>
        <source>JWT Workbench: an offline desktop workbench for JSON Web Tokens.</source>
        <translation>JWT Workbench: eine Offline-Werkbank für JSON Web Tokens auf dem Desktop.</translation>
    </message>
    <message>
        <source>A token (or text holding one) to decode.</source>
        <translation>Ein zu dekodierendes Token (oder ein Text, der eines enthält).</translation>
    </message>
    <message>
        <source>Render the main window offscreen into a PNG file and exit.</source>
        <translation>Das Hauptfenster ohne Bildschirm in eine PNG-Datei zeichnen und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>system (default), light or dark.</source>
        <translation>system (Vorgabe), light oder dark.</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1280x800.</source>
        <translation>Fenstergröße für --screenshot, z. B. 1280x800.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Put a token on the timeline, as NAME=TOKEN (repeatable).</source>
        <translation>Ein Token auf die Zeitleiste legen, als NAME=TOKEN (mehrfach möglich).</translation>
    </message>
    <message>
        <source>name=token</source>
        <translation>Name=Token</translation>
    </message>
    <message>
        <source>Pretend the clock shows this time (ISO 8601 or Unix seconds), e.g. for reproducible screenshots.</source>
        <translation>So tun, als zeige die Uhr diese Zeit (ISO 8601 oder Unix-Sekunden), z. B. für reproduzierbare Bildschirmfotos.</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Decoder tab to show, by its name: decoded, claims, verification, findings, x-ray, weak-secret.</source>
        <translation>Anzuzeigender Reiter des Decoders, nach seinem Namen: decoded, claims, verification, findings, x-ray, weak-secret.</translation>
    </message>
    <message>
        <source>Language of the window and of its dates, e.g. de or en (default: the system&apos;s).</source>
        <translation>Sprache des Fensters und seiner Datumsangaben, z. B. de oder en (Vorgabe: die des Systems).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Print the milliseconds from start to the window&apos;s first paint, and exit (tests/bench).</source>
        <translation>Die Millisekunden vom Start bis zum ersten Zeichnen des Fensters ausgeben und beenden (Tests/Benchmark).</translation>
    </message>
    <message>
        <source>--color-scheme takes system, light or dark</source>
        <translation>--color-scheme erwartet system, light oder dark</translation>
    </message>
    <message>
        <source>--timeline-token takes NAME=TOKEN with a token that has claims</source>
        <translation>--timeline-token erwartet NAME=TOKEN mit einem Token, das Claims hat</translation>
    </message>
    <message>
        <source>--decoder-tab takes the name of a decoder tab, e.g. verification</source>
        <translation>--decoder-tab erwartet den Namen eines Decoder-Reiters, z. B. verification</translation>
    </message>
    <message>
        <source>--size takes WIDTHxHEIGHT, e.g. 1280x800</source>
        <translation>--size erwartet BREITExHÖHE, z. B. 1280x800</translation>
    </message>
    <message>
        <source>Page to show, by its tab name: decoder (default), signer, timeline, keys, compare (the decoder&apos;s and the signer&apos;s tokens), rotation (with its example), learn.</source>
        <translation>Anzuzeigende Seite, nach ihrem Namen: decoder (Vorgabe), signer, timeline, keys, compare (die Tokens von Decoder und Signierseite), rotation (mit ihrem Beispiel), learn.</translation>
    </message>
    <message>
        <source>--page takes the name of a tab: decoder, signer, timeline, keys, compare, rotation or learn</source>
        <translation>--page erwartet den Namen einer Seite: decoder, signer, timeline, keys, compare, rotation oder learn</translation>
    </message>
</context>
</TS>
