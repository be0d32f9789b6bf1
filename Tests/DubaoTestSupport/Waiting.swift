import Foundation

/// Asks `condition` until it holds or `seconds` have passed, sleeping `interval` microseconds
/// between asks (its work, such as taking in a background search's results, can go in it).
/// The caller then checks what it waited for: a time-out is a failed expectation, not a hang.
public func waitUntil(seconds: Double = 10, interval: UInt32 = 1_000, _ condition: () -> Bool) {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition(), Date() < deadline { usleep(interval) }
}
