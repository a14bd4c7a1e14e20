global using GuoduActors.Grains;
global using Orleans;
