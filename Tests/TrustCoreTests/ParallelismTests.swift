import Foundation
import Testing

@testable import TrustCore

/// The CPUs the kernel lets this process run on, from `/proc/self/status`
/// (`Cpus_allowed_list: 0-3,6`), counted without `sched_getaffinity`.
private func allowedCPUs() -> Int? {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
  else { return nil }
  var count = 0
  for range in line.dropFirst("Cpus_allowed_list:".count).split(separator: ",") {
    let ends = range.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard let low = ends.first, let high = ends.last else { return nil }
    count += high - low + 1
  }
  return count
}

@Suite("Parallelism: the default thread count is the CPU affinity's")
struct ParallelismTests {
  @Test func theDefaultCountsTheCPUsThisProcessMayRunOn() throws {
    #if os(Linux)
      // Under `taskset -c 0 swift test` both say 1.
      let allowed = try #require(allowedCPUs())
      #expect(Parallelism.defaultThreadCount == min(allowed, Parallelism.maximumThreadCount))
    #endif
    #expect((1...Parallelism.maximumThreadCount).contains(Parallelism.defaultThreadCount))
  }
}
