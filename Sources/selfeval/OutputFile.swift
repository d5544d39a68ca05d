import Foundation

/// One file of the output directory, written with plain system calls. The batch's outputs are
/// written on the one thread that keeps them in input order, so their cost is serial: Foundation's
/// `FileHandle` copied every piece into a `Data`, and `URL` paths were `stat`ed as they were made.
struct OutputFile {
    /// What the system said, as `strerror` words; the caller knows the path and the step.
    struct SystemError: Error {
        var reason: String
        init(_ code: Int32) { reason = String(cString: strerror(code)) }
    }

    let path: String
    private let descriptor: Int32

    /// Creates the file at `path`, or empties the one there.
    init(creating path: String) throws(SystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemError(errno) }
        self.path = path
        self.descriptor = descriptor
    }

    func write(_ bytes: [UInt8]) throws(SystemError) {
        if let code = bytes.withUnsafeBytes(writeAll) { throw SystemError(code) }
    }

    /// Writes a string's UTF-8 in place (rendered output is stored contiguously).
    func write(_ text: String) throws(SystemError) {
        var text = text
        if let code = text.withUTF8({ writeAll(UnsafeRawBufferPointer($0)) }) { throw SystemError(code) }
    }

    /// Writes every byte, going on after a short write or a signal; the error number otherwise.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    func close() throws(SystemError) {
        if Glibc.close(descriptor) != 0 { throw SystemError(errno) }
    }
}
