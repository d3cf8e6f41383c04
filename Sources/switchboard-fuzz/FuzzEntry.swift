import Foundation
import FuzzTargets

#if FUZZING
    // Built by Scripts/fuzz with `--sanitize fuzzer --sanitize address -Xswiftc -DFUZZING`: libFuzzer
    // provides `main` and calls these. The target comes from SWITCHBOARD_FUZZ_TARGET.

    let selectedTarget: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["SWITCHBOARD_FUZZ_TARGET"] ?? ""
        guard let t = FuzzTarget.named(name) else {
            FileHandle.standardError.write(
                Data(
                    "switchboard-fuzz: set SWITCHBOARD_FUZZ_TARGET to one of: \(FuzzTarget.all.map(\.name).joined(separator: " "))\n"
                        .utf8))
            exit(2)
        }
        return t
    }()

    @_cdecl("LLVMFuzzerInitialize")
    public func fuzzInitialize(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>
    ) -> Int32 {
        _ = selectedTarget
        return 0
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
        let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
        do { try selectedTarget.run(data) } catch {
            // A broken property is a finding: crash so libFuzzer saves the input.
            FileHandle.standardError.write(Data("\nswitchboard-fuzz: \(selectedTarget.name): \(error)\n".utf8))
            abort()
        }
        return 0
    }
#else
    /// The regression runner: `switchboard-fuzz TARGET PATH…` replays files (and every file under
    /// directories) through a target; `switchboard-fuzz list` names the targets. Exit 1 when a property fails.
    @main
    struct FuzzReplay {
        static func main() {
            let args = Array(CommandLine.arguments.dropFirst())
            guard let name = args.first, name != "list", name != "--help", name != "-h" else {
                print("usage: switchboard-fuzz TARGET FILE|DIR…   (replays inputs through a fuzz target)")
                print("targets:")
                for t in FuzzTarget.all {
                    print("  \(t.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(t.summary)")
                }
                exit(args.isEmpty ? 2 : 0)
            }
            guard let target = FuzzTarget.named(name) else {
                FileHandle.standardError.write(
                    Data("switchboard-fuzz: unknown target \(name) (switchboard-fuzz list)\n".utf8))
                exit(2)
            }
            var files: [URL] = []
            for p in args.dropFirst() { files += FuzzReplay.inputs(at: URL(fileURLWithPath: p)) }
            var failures = 0
            for f in files {
                guard let data = try? Data(contentsOf: f) else { continue }
                do { try target.run(data) } catch {
                    failures += 1
                    print("FAIL \(f.path): \(error)")
                }
            }
            print("\(target.name): \(files.count) inputs, \(failures) failing")
            exit(failures == 0 ? 0 : 1)
        }

        static func inputs(at url: URL) -> [URL] {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return [] }
            guard isDir.boolValue else { return [url] }
            let items = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
            return items.sorted { $0.path < $1.path }.flatMap(inputs(at:))
        }
    }
#endif
