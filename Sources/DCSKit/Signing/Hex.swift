import Crypto
import Foundation

/// Lowercase hex and SHA-256 helpers for signing.
public enum Hex {
    /// Lowercase hex of the bytes.
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Lowercase hex SHA-256 of the data.
    public static func sha256(_ data: Data) -> String {
        encode(SHA256.hash(data: data))
    }
}
