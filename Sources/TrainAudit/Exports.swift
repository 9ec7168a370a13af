// The library's users (the command line, the tests, the fuzz targets) import TrainAudit
// and see the core's records and views and the checks as one module.
@_exported import TrainAuditCore
@_exported import TrainAuditChecks
