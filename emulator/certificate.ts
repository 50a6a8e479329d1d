// A self-signed certificate for the emulator's https mode, made at start with node:crypto alone: Node has no X.509
// writer, and the emulator ships in the package, where neither an openssl binary nor a certificate library can be
// assumed. The DER below is the smallest certificate Node's TLS verifies: X.509 v3, an EC P-256 key, ECDSA-SHA256,
// subjectAltName with the loopback names, basicConstraints CA so that the certificate is its own trust anchor.
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

export interface SelfSignedCertificate {
  /** PEM: what a client trusts (VOLCENGINE_SMS_CA_FILE) and the server presents. */
  cert: string;
  key: string;
}

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
};

export function selfSignedCertificate(
  commonName: string,
  altNames: { dns: string[]; ip: string[] },
  now: Date = new Date(),
): SelfSignedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const algorithm = sequence(oid(OID.ecdsaWithSha256));
  const name = sequence(set(sequence(oid(OID.commonName), tlv(0x0c, Buffer.from(commonName, "utf8")))));
  const day = 24 * 60 * 60 * 1000;
  const validity = sequence(utcTime(new Date(now.getTime() - day)), utcTime(new Date(now.getTime() + 365 * day)));
  const sanList = sequence(
    ...altNames.dns.map((dns) => tlv(0x82, Buffer.from(dns, "ascii"))),
    ...altNames.ip.map((ip) => tlv(0x87, Buffer.from(ip.split(".").map(Number)))),
  );
  const extensions = tlv(
    0xa3,
    sequence(
      sequence(oid(OID.subjectAltName), tlv(0x04, sanList)),
      sequence(
        oid(OID.basicConstraints),
        tlv(0x01, Buffer.from([0xff])),
        tlv(0x04, sequence(tlv(0x01, Buffer.from([0xff])))),
      ),
    ),
  );
  const serial = randomBytes(16);
  // A positive INTEGER in its shortest form: high bit clear, and a first byte that is not 0 (DER calls a leading zero
  // byte padding, and OpenSSL refuses it; with a random first byte that failed one run in 128).
  serial.writeUInt8((serial.readUInt8(0) & 0x7f) | 0x40, 0);
  const tbs = sequence(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))), // version 3
    tlv(0x02, serial),
    algorithm,
    name,
    validity,
    name,
    publicKey.export({ type: "spki", format: "der" }),
    extensions,
  );
  const signature = sign("sha256", tbs, privateKey);
  const der = sequence(tbs, algorithm, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  return { cert: pem("CERTIFICATE", der), key: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), content]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.concat([Buffer.from([tag, 0x80 | bytes.length, ...bytes]), content]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) groups.unshift((value & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return tlv(0x17, Buffer.from(`${text}Z`, "ascii"));
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
