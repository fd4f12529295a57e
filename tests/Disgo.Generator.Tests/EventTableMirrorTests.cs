using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Disgo.Models.Gateway;
using Disgo.Serialization;
using Disgo.Shared;

namespace Disgo.Generator.Tests;

/// <summary>
/// The generator and analyzers cannot load the runtime, so they read a mirror of its event table and intents
/// (<c>src/Shared</c>). These tests fail as soon as the two drift apart.
/// </summary>
public sealed class EventTableMirrorTests
{
    [Fact]
    public void The_mirror_lists_every_runtime_event_in_order_with_the_same_intents_and_model()
    {
        var runtime = GatewayEvents.All
            .Select(info => (info.Name, (long)info.GuildIntents, (long)info.DirectMessageIntents, info.ModelType?.FullName))
            .ToList();
        var mirror = KnownEvents.All
            .Select(known => (known.Name, known.GuildIntents, known.DirectMessageIntents, known.ModelMetadataName))
            .ToList();

        Assert.Equal(runtime, mirror);
    }

    [Fact]
    public void Every_member_name_is_the_runtime_constant_of_its_event()
    {
        var constants = typeof(GatewayEvents)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .ToDictionary(field => (string)field.GetRawConstantValue()!, field => field.Name);

        Assert.All(KnownEvents.All, known => Assert.Equal(constants[known.Name], known.MemberName));
    }

    [Fact]
    public void Every_model_has_the_named_metadata_on_the_json_context()
    {
        foreach (var known in KnownEvents.All.Where(known => known.ModelMetadataName is not null))
        {
            var property = typeof(DisgoJsonContext).GetProperty(known.JsonTypeInfoProperty!);

            Assert.True(property is not null, $"DisgoJsonContext has no {known.JsonTypeInfoProperty} for {known.Name}.");
            var typeInfo = Assert.IsAssignableFrom<JsonTypeInfo>(property.GetValue(DisgoJsonContext.Default));
            Assert.Equal(known.ModelMetadataName, typeInfo.Type.FullName);
        }
    }

    [Fact]
    public void The_intents_mirror_has_every_documented_intent_with_its_bit()
    {
        var composites = new[] { GatewayIntents.None, GatewayIntents.Privileged, GatewayIntents.All, GatewayIntents.NonPrivileged };
        var runtime = Enum.GetValues<GatewayIntents>()
            .Where(intent => !composites.Contains(intent))
            .Select(intent => (intent.ToString(), (long)intent))
            .ToList();

        Assert.Equal(runtime, KnownIntents.Documented.Select(intent => (intent.Key, intent.Value)).ToList());
        Assert.Equal((long)GatewayIntents.Privileged, KnownIntents.Privileged);
        Assert.Equal((long)GatewayIntents.All, KnownIntents.All);
    }
}
