import SpeckitCore

/// libFuzzer's entry point: the bytes as a kit's `plan.md` and `tasks.md`, decoded, parsed through
/// cmark-gfm and checked by every rule (so the cross-document rules see them too).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let paths = ["kit/plan.md", "kit/tasks.md"]
    let files = MemoryFiles(paths.map { (path: $0, bytes: bytes) })
    let kit = KitSource(name: "kit", root: "kit", profile: .speckit, files: paths)
    _ = Validator(jobs: 1).validate(KitSet(kits: [kit], files: files))
    return 0
}
