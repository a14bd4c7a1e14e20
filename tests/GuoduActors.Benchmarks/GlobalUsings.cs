global using GuoduActors.Grains;
global using Orleans;
global using GuoduActors.Tests.Infrastructure;
