// Error Explainer on Azure: App Service (Linux, Python 3.11) running `python -m bot`
// on two instances, an Azure Bot with the Teams and Direct Line channels, and a
// user-assigned managed identity as the bot's identity (no app password to store or
// rotate; new multi-tenant bots can no longer be created). Conversation state and the
// feedback / unanswered-question records live in a Blob Storage container that every
// instance shares (BOT_STORAGE=blob); traces and metrics go to Application Insights,
// which keeps them in a Log Analytics workspace.
//
//   az group create -n rg-error-explainer -l westeurope
//   az deployment group create -g rg-error-explainer -f deploy/azure/main.bicep \
//     -p baseName=errexpl portalOrigins="['https://support.example.com']"
//
// Then deploy the code (see the README's "Azure" section or deploy/azure/deploy-code.sh),
// copy the Direct Line secret into the app setting DirectLineSecret, and build the Teams
// package with the outputs botAppId and botHostName.

targetScope = 'resourceGroup'

@description('Short lowercase prefix for every resource name (letters and digits, 3-16). The web app name must be unique in Azure, so a suffix derived from the resource group is added.')
@minLength(3)
@maxLength(16)
param baseName string

@description('Region for the identity, plan and web app. The Azure Bot resource itself is global.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest tier with "Always On" (a chat bot must not sleep).')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Number of App Service instances. Two by default: a restart or a platform update of one instance leaves the other answering, and both share their state through Blob Storage. B1 allows up to 3.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Blob container for conversation state and records (BOT_STORAGE_CONTAINER).')
@minLength(3)
@maxLength(63)
param storageContainerName string = 'error-explainer'

@description('Days the Log Analytics workspace keeps telemetry (30 is included in the price of ingestion).')
@minValue(30)
@maxValue(730)
param telemetryRetentionDays int = 30

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams and Direct Line, limited premium messages) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name shown for the bot in the Azure portal and in channels.')
param botDisplayName string = 'Error Explainer'

@description('Origins of the support portal pages that embed the Web Chat page (e.g. https://support.example.com). They become Direct Line trusted origins and the bot\'s DirectLineAllowedOrigins.')
param portalOrigins array = []

@description('Log level of the bot process.')
@allowed([
  'DEBUG'
  'INFO'
  'WARNING'
  'ERROR'
])
param logLevel string = 'INFO'

var suffix = uniqueString(resourceGroup().id)
var webAppName = '${baseName}-${suffix}'
var botName = '${baseName}-bot-${suffix}'
// Storage account names: 3-24 lowercase letters and digits, unique in Azure.
var storageAccountName = take(toLower('${replace(baseName, '-', '')}st${suffix}'), 24)

// The bot's identity: Azure Bot Service issues and checks tokens for this identity's client id.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-id-${suffix}'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount // scale-out: every instance runs the bot; state is in Blob Storage
  }
  properties: {
    reserved: true // Linux
  }
}

// Shared, durable state: conversation state (which product "and 3101?" refers to) and
// the feedback / unanswered-question records, read by every instance and by `explain-error gaps`.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: storageContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Telemetry: Application Insights (workspace-based, the only kind Azure still creates)
// and the Log Analytics workspace that stores what it receives.
resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs-${suffix}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: telemetryRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'PYTHON|3.11'
      // The same start command as the container's CMD; Oryx activates the venv it built.
      appCommandLine: 'python -m bot'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Build on deploy: Oryx runs `pip install -r requirements.txt` (the code zip carries
        // a requirements.txt with one line, ".", which installs this project and its pins).
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        // App Service forwards HTTPS traffic to this port inside the container.
        { name: 'WEBSITES_PORT', value: '8000' }
        { name: 'PORT', value: '8000' }
        // Listen on every interface of the container; the bot then requires MicrosoftAppId.
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'DirectLineAllowedOrigins', value: join(portalOrigins, ',') }
        { name: 'LOG_LEVEL', value: logLevel }
        // State and records in the shared container (see the storage account above).
        { name: 'BOT_STORAGE', value: 'blob' }
        { name: 'BOT_STORAGE_CONNECTION_STRING', value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}' }
        { name: 'BOT_STORAGE_CONTAINER', value: stateContainer.name }
        // Telemetry on: a span per turn and the bot's metrics (README "Telemetry").
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        // DirectLineSecret is set after deployment (README): it exists only once the
        // Direct Line channel does, and a template output would print it in the deployment history.
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
    disableLocalAuth: false
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Support portal'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          // Enhanced authentication: tokens are bound to the user id the bot chooses and
          // are accepted only from the trusted origins.
          isSecureSiteEnabled: !empty(portalOrigins)
          trustedOrigins: portalOrigins
        }
      ]
    }
  }
}

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): MicrosoftAppId for the Teams package.')
output botAppId string = identity.properties.clientId

@description('Tenant of the bot identity.')
output botTenantId string = identity.properties.tenantId

@description('Public host of the bot: BOT_DOMAIN for the Teams package.')
output botHostName string = webApp.properties.defaultHostName

@description('Messaging endpoint registered with Azure Bot Service.')
output messagingEndpoint string = bot.properties.endpoint

@description('Name of the web app (for az webapp deploy / config).')
output webAppName string = webApp.name

@description('Name of the Azure Bot resource (for az bot directline show).')
output botName string = bot.name

@description('Name of the storage account holding conversation state and records.')
output storageAccountName string = storage.name

@description('Name of the Application Insights resource (Azure portal: Transaction search, Logs, Metrics).')
output appInsightsName string = appInsights.name

@description('Token route for the Web Chat page\'s config.js.')
output directLineTokenUrl string = 'https://${webApp.properties.defaultHostName}/api/directline/token'
