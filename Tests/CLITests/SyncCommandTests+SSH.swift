import Foundation
import SwitchboardCore
import XCTest

/// Issue 19: a team across servers over `ssh://`: an sshd of its own on 127.0.0.1 (a free port, its own host key,
/// one key allowed), git over SSH as `switchboard sync` runs it (batch mode, no prompts).
extension SyncCommandTests {
    func testTwoSitesSyncThroughAnSSHRemoteOnThisMachine() throws {
        let sshd = "/usr/sbin/sshd"
        guard FileManager.default.isExecutableFile(atPath: sshd) else {
            throw XCTSkip("no sshd on this machine (Debian: apt-get install openssh-server): the ssh:// test needs one")
        }
        let ssh = root + "/ssh"
        try FileManager.default.createDirectory(atPath: ssh, withIntermediateDirectories: true)
        try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", ssh + "/host_key"])
        try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", ssh + "/client_key"])
        try FileManager.default.copyItem(atPath: ssh + "/client_key.pub", toPath: ssh + "/authorized_keys")
        if getuid() == 0 && !FileManager.default.fileExists(atPath: "/run/sshd") {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        }
        let port = try freePort()
        try """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(ssh)/host_key
        AuthorizedKeysFile \(ssh)/authorized_keys
        PidFile \(ssh)/sshd.pid
        StrictModes no
        UsePAM no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password

        """.write(toFile: ssh + "/sshd_config", atomically: true, encoding: .utf8)
        // sshd daemonises (its pid in sshd.pid) and is ended by that pid: no Foundation Process to wait for.
        let started = try GroupProcess.run(sshd, ["-f", ssh + "/sshd_config", "-E", ssh + "/sshd.log"], timeout: 20)
        XCTAssertTrue(started.succeeded, started.output)
        defer {
            if let pid = Int32(
                ((try? String(contentsOfFile: ssh + "/sshd.pid", encoding: .utf8)) ?? "")
                    .trimmingCharacters(in: .whitespacesAndNewlines))
            {
                kill(pid, SIGTERM)
            }
        }
        let user = ProcessInfo.processInfo.userName
        let sshCommand =
            "ssh -i \(ssh)/client_key -o BatchMode=yes -o StrictHostKeyChecking=no "
            + "-o UserKnownHostsFile=\(ssh)/known_hosts -o LogLevel=ERROR"
        let env = ["GIT_SSH_COMMAND": sshCommand]
        var up = false
        for _ in 0..<100 where !up {
            up =
                (try? run(
                    "/usr/bin/ssh",
                    sshCommand.split(separator: " ").dropFirst().map(String.init)
                        + ["-p", "\(port)", "\(user)@127.0.0.1", "true"], quiet: true)) != nil
            if !up { usleep(100_000) }
        }
        // "Where one can be started": an sshd that would not come up on this machine (its log says why) is a
        // machine's limit, not a defect of sync — the test then says so and skips.
        guard up else {
            let log = (try? String(contentsOfFile: ssh + "/sshd.log", encoding: .utf8)) ?? "(no log)"
            throw XCTSkip("sshd did not answer on 127.0.0.1:\(port) within 10 s: " + log.suffix(400))
        }
        let sshRemote = "ssh://\(user)@127.0.0.1:\(port)\(root)/team.git"

        func at(_ site: String, _ args: [String], stdin: String? = nil) throws -> CLI.Result {
            let r = try CLI.run(
                args + ["--data-dir", root + "/" + site], stdin: stdin,
                env: env.merging(["SWITCHBOARD_USER": site == "berlin" ? "anna" : "tom"]) { a, _ in a })
            XCTAssertEqual(r.status, 0, "\(args) at \(site): \(r.out) \(r.err)")
            return r
        }
        _ = try at("berlin", ["init", "--site", "berlin", "--remote", sshRemote, "--brand", "Acme"])
        _ = try at("berlin", ["ingest", "-"], stdin: importLines("b", 3))
        XCTAssertTrue(try at("berlin", ["sync"]).out.contains("out: "))
        _ = try at("hamburg", ["init", "--join", sshRemote, "--site", "hamburg"])
        _ = try at("hamburg", ["ingest", "-"], stdin: importLines("hamburg-grüße", 2))
        let k = try key("hamburg", id: "b-1")
        _ = try at("hamburg", ["status", k, "answered"])
        let out = try at("hamburg", ["sync"]).out
        XCTAssertTrue(out.contains("pushed"), out)
        let came = try at("berlin", ["sync"]).out
        XCTAssertTrue(came.contains("in: "), came)
        let b = try listing("berlin")
        XCTAssertEqual(b.split(separator: "\n").count, 5)
        XCTAssertEqual(try listing("hamburg"), b)
        XCTAssertTrue(try at("berlin", ["mentions", "show", k]).out.contains("answered"))
        for s in ["berlin", "hamburg"] { _ = try at(s, ["doctor"]) }
    }

    @discardableResult
    func run(_ tool: String, _ args: [String], quiet: Bool = false) throws -> Int32 {
        let r = try GroupProcess.run(tool, args, timeout: 20)
        if !r.succeeded {
            if !quiet { XCTFail("\(tool) \(args): \(r.output)") }
            throw CocoaError(.executableLoad)
        }
        return 0
    }

    /// A TCP port nobody listens on (the kernel's choice for port 0).
    func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0
            }
        }
        guard ok else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: a.sin_port))
    }
}
