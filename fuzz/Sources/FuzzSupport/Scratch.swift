#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A private folder for this fuzzer process's input files: in /dev/shm (memory) when it
/// exists, else the temporary directory. One per process, removed at exit.
public enum Scratch {
    public static let folder: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : NSTemporaryDirectory()
        let dir = "\(base)/trainaudit-fuzz-\(getpid())"
        mkdir(dir, 0o700)
        atexit { _ = try? FileManager.default.removeItem(atPath: Scratch.folder) }
        return dir
    }()

    /// Writes `bytes` to `name` in the scratch folder (replacing it) and returns its path.
    public static func write(_ name: String, _ bytes: UnsafeRawBufferPointer) -> String {
        let path = folder + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write \(path)")
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            precondition(n > 0, "short write to \(path)")
            done += n
        }
        close(fd)
        return path
    }
}

/// The repository's root (the folder above fuzz/), found from this file's path at build
/// time, or from TRAINAUDIT_ROOT when the binaries moved.
public enum RepoRoot {
    public static let path: String = {
        if let env = ProcessInfo.processInfo.environment["TRAINAUDIT_ROOT"], !env.isEmpty { return env }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Scratch.swift, FuzzSupport, Sources, fuzz
        return url.path
    }()
    public static var rules: String { path + "/rules" }
}
