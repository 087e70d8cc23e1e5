// The library as its users import it: `import OrgGraph` brings every layer.
@_exported import OrgGraphAudit
@_exported import OrgGraphChart
@_exported import OrgGraphCore
@_exported import OrgGraphExport
@_exported import OrgGraphFormat
@_exported import OrgGraphGenerate
@_exported import OrgGraphQuery
@_exported import OrgGraphReport
