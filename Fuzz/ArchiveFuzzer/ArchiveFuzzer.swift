import SpeckitCore

/// libFuzzer's entry point: the bytes as a `.zip`/`.tar.gz` kit, read in memory through libarchive
/// (limits and unsafe-entry checks included); whatever kits it holds are then checked by every rule.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchive(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let contents = try? ArchiveKit.read(bytes: bytes, name: "kit.zip", limits: .standard) else { return 0 }
    let files = LayeredFiles(memory: contents.memory, refused: contents.refused, fallback: MemoryFiles([]))
    _ = Validator(files: files, jobs: 1).validate(kits: contents.kits)
    return 0
}
