import SpeckitCore

/// libFuzzer's entry point: the bytes as a kit's `tasks.yaml` and `tasks.json` (the structured reader,
/// libyaml through Yams, with its JSON fallback), read into the model and checked by every rule.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let paths = ["kit/tasks.json", "kit/tasks.yaml"]
    let files = MemoryFiles(paths.map { (path: $0, bytes: bytes) })
    let kit = KitSource(name: "kit", root: "kit", profile: .speckit, files: paths)
    _ = Validator(jobs: 1).validate(KitSet(kits: [kit], files: files))
    return 0
}
